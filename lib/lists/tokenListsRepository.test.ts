import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import devnetJson from '@/lib/detect/lists/devnet.tokenlist.json';
import { parseTokenList, type TokenList } from '@/lib/detect/core/tokenListSchema';
import { CompanionDatabase } from '@/lib/db/database';
import { listFollows } from '@/lib/holdings/followsRepository';
import type { FollowRow } from '@/lib/db/rows';
import { SHIPPED_LIST_KEY } from './shippedList';
import {
  addedTokenLists,
  enabledListEntries,
  enabledTokenList,
  removeList,
  saveAddedList,
  saveFetchOutcome,
  setListEnabled,
} from './tokenListsRepository';

const opened: Dexie[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
function fresh(name = `lists-${Math.random()}`): CompanionDatabase {
  const db = new CompanionDatabase(name);
  opened.push(db);
  return db;
}

function list(name: string, tokens: { chainId: number; address: string; symbol: string }[]): TokenList {
  const parsed = parseTokenList({
    name,
    timestamp: '2025-01-01T00:00:00.000Z',
    version: { major: 1, minor: 0, patch: 0 },
    tokens: tokens.map((t) => ({ ...t, name: t.symbol, decimals: 18 })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.list;
}

const SHIPPED = list('Shipped', [{ chainId: 1, address: '0x8BA6DcC667d3FF64C1A2123cE72FF5F0199E5315', symbol: 'ALEX' }]);
const A = list('List A', [
  { chainId: 1, address: '0x8ba6dcc667d3ff64c1a2123ce72ff5f0199e5315', symbol: 'ALEXDUP' },
  { chainId: 8453, address: '0x0000000000000000000000000000000000000001', symbol: 'ONE' },
]);
const B = list('List B', [{ chainId: 10, address: '0x0000000000000000000000000000000000000002', symbol: 'TWO' }]);

describe('the enabled lists', () => {
  test('shipped first, then added lists in the order added; a token listed twice is kept once', async () => {
    const db = fresh();
    await saveAddedList(db, 'https://b.example/list.json', B, 2);
    await saveAddedList(db, 'https://a.example/list.json', A, 1);
    const entries = await enabledListEntries(db, SHIPPED);
    expect(entries.map((e) => [e.entry.symbol, e.source, e.listName])).toEqual([
      ['ALEX', SHIPPED_LIST_KEY, 'Shipped'],
      ['ONE', 'https://a.example/list.json', 'List A'],
      ['TWO', 'https://b.example/list.json', 'List B'],
    ]);
  });

  test('turning a list off (the shipped one too) removes its tokens; removing forgets it', async () => {
    const db = fresh();
    await saveAddedList(db, 'https://a.example/list.json', A, 1);
    await setListEnabled(db, SHIPPED_LIST_KEY, false, 5);
    expect((await enabledListEntries(db, SHIPPED)).map((e) => e.entry.symbol)).toEqual(['ALEXDUP', 'ONE']);
    await setListEnabled(db, 'https://a.example/list.json', false, 6);
    expect(await enabledListEntries(db, SHIPPED)).toEqual([]);
    expect(await setListEnabled(db, 'https://gone.example/list.json', true, 7)).toBe(false);
    await removeList(db, 'https://a.example/list.json');
    await removeList(db, SHIPPED_LIST_KEY); // the shipped list cannot be removed, only turned off
    expect(await addedTokenLists(db)).toEqual([]);
    expect(await enabledListEntries(db, SHIPPED)).toEqual([]);
  });

  test('as one list: every enabled list, a token named by two keeps the domains of both; a disabled list adds nothing', async () => {
    const db = fresh();
    const withDomains = (l: TokenList, domains: string[]): TokenList => ({
      ...l,
      tokens: l.tokens.map((t, i) => (i === 0 ? { ...t, extensions: { domains } } : t)),
    });
    await saveAddedList(db, 'https://a.example/list.json', withDomains(A, ['alex.example']), 1);
    await saveAddedList(db, 'https://b.example/list.json', B, 2);
    const merged = await enabledTokenList(db, withDomains(SHIPPED, ['alexmasmej.com']));
    expect(merged.tokens.map((t) => [t.symbol, t.extensions?.domains])).toEqual([
      ['ALEX', ['alexmasmej.com', 'alex.example']],
      ['ONE', undefined],
      ['TWO', undefined],
    ]);
    await setListEnabled(db, 'https://a.example/list.json', false, 3);
    expect(
      (await enabledTokenList(db, withDomains(SHIPPED, ['alexmasmej.com']))).tokens.map((t) => [t.symbol, t.extensions?.domains]),
    ).toEqual([
      ['ALEX', ['alexmasmej.com']],
      ['TWO', undefined],
    ]);
  });

  test('a broken fetch records why and keeps the last good copy', async () => {
    const db = fresh();
    await saveAddedList(db, 'https://a.example/list.json', A, 1);
    await saveFetchOutcome(db, 'https://a.example/list.json', { error: 'The list at … is not valid JSON.' }, 9);
    const [row] = await addedTokenLists(db);
    expect(row).toMatchObject({ list: A, fetchedAt: 1, lastAttemptAt: 9, error: 'The list at … is not valid JSON.' });
    await saveFetchOutcome(db, 'https://a.example/list.json', { list: B }, 20);
    expect((await addedTokenLists(db))[0]).toMatchObject({ list: B, fetchedAt: 20, lastAttemptAt: 20, error: null });
  });
});

describe('migration to the lists version (8)', () => {
  test('a version 5 database keeps its rows and gains the list and discovery tables', async () => {
    const name = `lists-migration-${Math.random()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores({
      follows: 'tokenId',
      settings: 'key',
      holdings: '[account+tokenId], account, tokenId',
      chainStatus: 'chainId',
      votes: 'id, proposalId, status, account, updatedAt',
      claimsCache: '[fileHash+account]',
      claimsFiles: 'url',
      lpEntries: '[account+pair], account',
      transactions: 'id, status, account, [tokenId+subject]',
      income: '[account+tokenId], account',
      unlockSessions: '[origin+gateId], origin, expiresAt',
      sitePrefs: 'origin',
    });
    const alex = devnetJson.tokens[0]!;
    const row: FollowRow = {
      tokenId: `eip155:31337/erc20:${alex.address}`,
      chainId: 31337,
      address: alex.address as `0x${string}`,
      symbol: 'ALEX',
      name: 'Alex Masmej',
      creatorName: null,
      siteOrigin: null,
      confirmation: 'confirmed',
      manifest: null,
      followedAt: 1,
    };
    await v5.table('follows').put(row);
    v5.close();

    const db = fresh(name);
    expect(await listFollows(db)).toEqual([row]);
    expect(db.verno).toBeGreaterThanOrEqual(8);
    await saveAddedList(db, 'https://a.example/list.json', A, 1);
    expect((await addedTokenLists(db)).map((r) => r.url)).toEqual(['https://a.example/list.json']);
    expect(await db.discoveries.count()).toBe(0);
  });
});
