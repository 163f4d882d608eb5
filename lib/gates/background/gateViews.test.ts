import { afterEach, describe, expect, test, vi } from 'vitest';
import { database } from '@/lib/db/database';
import type { UnlockSessionRow } from '@/lib/db/rows';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { gateViews, unlockedGateIds } from './gateViews';
import type { PageContext } from './pageContext';

// The chain is the one thing faked here: balances come from this table.
const balances = new Map<string, bigint>();
vi.mock('./tokenReads', async (original) => ({
  ...(await original<typeof import('./tokenReads')>()),
  readTokenBalances: async (_deps: unknown, _tokenId: string, addresses: string[]) => ({
    symbol: 'ALEX',
    decimals: 18,
    balances: new Map(addresses.map((a) => [a, balances.get(a) ?? 0n])),
  }),
}));

// Balances are mocked above: no chain client is ever made.
const deps = {
  db: database(),
  clientFor: () => {
    throw new Error('The chain is not read in these tests.');
  },
};
const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const HOLDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ORIGIN = 'https://alex.example';
const ONE = 10n ** 18n;
const NOW = Date.parse('2026-11-22T10:00:00Z');

const gate = (id: string, minBalance: bigint) => ({
  id,
  title: `Gate ${id}`,
  kind: 'post' as const,
  minBalance: minBalance.toString(),
  endpoint: `${ORIGIN}/gates`,
});

function page(tokenId = ALEX, gates = [gate('notes', ONE), gate('merch', 100n * ONE)]): PageContext {
  const manifest = { gates } as unknown as PersonalTokenManifest;
  return {
    tabId: 1,
    documentId: null,
    origin: ORIGIN,
    state: {
      status: 'detected',
      origin: ORIGIN,
      tokenId,
      chainId: 31337,
      chainName: 'Devnet A',
      address: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
      confirmation: 'confirmed',
      creatorName: 'Alex',
      creatorDescription: null,
      manifest,
    },
  };
}

function session(gateId: string, overrides: Partial<UnlockSessionRow> = {}): UnlockSessionRow {
  return {
    origin: ORIGIN,
    gateId,
    tokenId: ALEX,
    address: HOLDER,
    kind: 'post',
    title: gateId,
    content: `<p>${gateId}</p>`,
    minBalance: ONE.toString(),
    unlockedAt: NOW - 1000,
    expiresAt: NOW + 60_000,
    ...overrides,
  };
}

afterEach(async () => {
  balances.clear();
  await database().unlockSessions.clear();
});

describe('gate views on a revisit', () => {
  test('a valid session unlocks without signing; a gate without one is locked with its requirement', async () => {
    balances.set(HOLDER, 12_500n * ONE);
    await database().unlockSessions.put(session('notes'));
    const [notes, merch] = await gateViews(deps, page(), NOW);
    expect(notes).toMatchObject({
      gateId: 'notes',
      state: 'unlocked',
      requirement: '1 ALEX',
      note: null,
      unlocked: { content: '<p>notes</p>', address: HOLDER },
    });
    expect(merch).toMatchObject({ gateId: 'merch', state: 'locked', requirement: '100 ALEX', note: null, unlocked: null });
  });

  test('a minimum below the display precision is shown exactly, never "Hold 0 ALEX"; a tiny balance says "less than"', async () => {
    const [tiny] = await gateViews(deps, page(ALEX, [gate('tiny', 1n)]), NOW);
    expect(tiny).toMatchObject({ state: 'locked', requirement: '0.000000000000000001 ALEX' });
    balances.set(HOLDER, 1n);
    await database().unlockSessions.put(session('two', { minBalance: '2' }));
    const [two] = await gateViews(deps, page(ALEX, [gate('two', 2n)]), NOW);
    expect(two).toMatchObject({
      state: 'locked',
      note: 'Locked again: 0x7099…79C8 now holds less than 0.000001 ALEX; this needs 0.000000000000000002 ALEX.',
    });
  });

  test('an expired session locks the gate with the reason and is removed', async () => {
    balances.set(HOLDER, 12_500n * ONE);
    await database().unlockSessions.put(session('notes', { expiresAt: NOW - 1 }));
    const [notes] = await gateViews(deps, page(), NOW);
    expect(notes).toMatchObject({ state: 'locked', note: 'Your unlock expired. Unlock again to see it.' });
    expect(await database().unlockSessions.count()).toBe(0);
  });

  test('a balance under the threshold locks the gate again, saying what is held and needed', async () => {
    balances.set(HOLDER, 50n * ONE);
    await database().unlockSessions.bulkPut([session('notes'), session('merch', { minBalance: (100n * ONE).toString() })]);
    const [notes, merch] = await gateViews(deps, page(), NOW);
    expect(notes!.state).toBe('unlocked');
    expect(merch).toMatchObject({ state: 'locked', note: 'Locked again: 0x7099…79C8 now holds 50 ALEX; this needs 100 ALEX.' });
    expect((await database().unlockSessions.toArray()).map((s) => s.gateId)).toEqual(['notes']);
  });

  test('a creator who raises the threshold re-locks sessions unlocked under the old one', async () => {
    balances.set(HOLDER, 50n * ONE);
    await database().unlockSessions.put(session('merch', { minBalance: ONE.toString() }));
    const [, merch] = await gateViews(deps, page(), NOW);
    expect(merch).toMatchObject({ state: 'locked', note: expect.stringContaining('this needs 100 ALEX') });
  });

  test('sessions for a token the site no longer declares unlock nothing and are removed', async () => {
    balances.set(HOLDER, 12_500n * ONE);
    await database().unlockSessions.put(session('notes', { tokenId: 'eip155:31337/erc20:0x000000000000000000000000000000000000dEaD' }));
    const [notes] = await gateViews(deps, page(), NOW);
    expect(notes).toMatchObject({ state: 'locked', note: null });
    expect(await database().unlockSessions.count()).toBe(0);
  });

  test("another site's sessions are never shown here", async () => {
    balances.set(HOLDER, 12_500n * ONE);
    await database().unlockSessions.put(session('notes', { origin: 'https://other.example' }));
    const [notes] = await gateViews(deps, page(), NOW);
    expect(notes!.state).toBe('locked');
    expect(await database().unlockSessions.count()).toBe(1);
  });

  test("one gate's view leaves the other gates' sessions alone: each frame reports its own re-lock with the reason", async () => {
    balances.set(HOLDER, 50n * ONE);
    await database().unlockSessions.bulkPut([session('notes'), session('merch', { minBalance: (100n * ONE).toString() })]);
    expect(await gateViews(deps, page(), NOW, 'notes')).toEqual([expect.objectContaining({ gateId: 'notes', state: 'unlocked' })]);
    expect(await database().unlockSessions.count()).toBe(2); // merch's session is still there to be reported
    expect(await gateViews(deps, page(), NOW, 'merch')).toEqual([
      expect.objectContaining({ gateId: 'merch', note: 'Locked again: 0x7099…79C8 now holds 50 ALEX; this needs 100 ALEX.' }),
    ]);
  });

  test('where the teaser steps aside is read without touching a session or the chain', async () => {
    await database().unlockSessions.bulkPut([
      session('notes'),
      session('merch', { expiresAt: NOW - 1 }),
      session('other', { tokenId: 'eip155:1/erc20:0x0000000000000000000000000000000000000001' }),
    ]);
    expect(await unlockedGateIds(database(), page(), NOW)).toEqual(new Set(['notes']));
    expect(await database().unlockSessions.count()).toBe(3);
  });
});
