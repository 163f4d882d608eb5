import { afterEach, describe, expect, test, vi } from 'vitest';
import { database } from '@/lib/db/database';
import type { UnlockSessionRow } from '@/lib/db/rows';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { gateViews } from './gateViews';
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

const gate = (id: string, minBalance: bigint) => ({ id, title: `Gate ${id}`, kind: 'post' as const, minBalance: minBalance.toString(), endpoint: `${ORIGIN}/gates` });

function page(tokenId = ALEX): PageContext {
  const manifest = { gates: [gate('notes', ONE), gate('merch', 100n * ONE)] } as unknown as PersonalTokenManifest;
  return {
    tabId: 1,
    documentId: null,
    origin: ORIGIN,
    state: { status: 'detected', origin: ORIGIN, tokenId, chainId: 31337, chainName: 'Devnet A', address: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707', confirmation: 'confirmed', creatorName: 'Alex', creatorDescription: null, manifest },
  };
}

function session(gateId: string, overrides: Partial<UnlockSessionRow> = {}): UnlockSessionRow {
  return { origin: ORIGIN, gateId, tokenId: ALEX, address: HOLDER, kind: 'post', title: gateId, content: `<p>${gateId}</p>`, minBalance: ONE.toString(), unlockedAt: NOW - 1000, expiresAt: NOW + 60_000, ...overrides };
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
    expect(notes).toMatchObject({ gateId: 'notes', state: 'unlocked', requirement: '1 ALEX', note: null, unlocked: { content: '<p>notes</p>', address: HOLDER } });
    expect(merch).toMatchObject({ gateId: 'merch', state: 'locked', requirement: '100 ALEX', note: null, unlocked: null });
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
});
