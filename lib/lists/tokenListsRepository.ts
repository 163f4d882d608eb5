import { shippedList } from '@/lib/lists/shippedList';
import type { TokenList, TokenListEntry } from '@/lib/detect/core/tokenListSchema';
import type { CompanionDatabase } from '../db/database';
import type { TokenListRow } from '../db/rows';
import { SHIPPED_LIST_KEY } from './core/listSource';

/** Lists the holder added, in the order they were added (the shipped list's flag row excluded). */
export async function addedTokenLists(db: CompanionDatabase): Promise<TokenListRow[]> {
  const rows = await db.tokenLists.toArray();
  return rows.filter((row) => row.url !== SHIPPED_LIST_KEY).sort((a, b) => a.addedAt - b.addedAt);
}

export async function shippedListEnabled(db: CompanionDatabase): Promise<boolean> {
  return (await db.tokenLists.get(SHIPPED_LIST_KEY))?.enabled ?? true;
}

export function tokenListRow(db: CompanionDatabase, url: string): Promise<TokenListRow | undefined> {
  return db.tokenLists.get(url);
}

/** Stores a newly added list with its first good copy. */
export async function saveAddedList(db: CompanionDatabase, url: string, list: TokenList, now: number): Promise<void> {
  await db.tokenLists.put({ url, enabled: true, addedAt: now, list, fetchedAt: now, lastAttemptAt: now, error: null });
}

/** The outcome of a later fetch: a good copy replaces the old one, a broken one only records why. */
export async function saveFetchOutcome(
  db: CompanionDatabase,
  url: string,
  outcome: { list: TokenList } | { error: string },
  now: number,
): Promise<void> {
  await db.transaction('rw', db.tokenLists, async () => {
    const row = await db.tokenLists.get(url);
    if (!row) return; // removed while it was being fetched
    await db.tokenLists.put(
      'list' in outcome
        ? { ...row, list: outcome.list, fetchedAt: now, lastAttemptAt: now, error: null }
        : { ...row, lastAttemptAt: now, error: outcome.error },
    );
  });
}

export async function setListEnabled(db: CompanionDatabase, url: string, enabled: boolean, now: number): Promise<boolean> {
  return db.transaction('rw', db.tokenLists, async () => {
    const row = await db.tokenLists.get(url);
    if (row) {
      await db.tokenLists.put({ ...row, enabled });
      return true;
    }
    if (url !== SHIPPED_LIST_KEY) return false;
    await db.tokenLists.put({ url, enabled, addedAt: now, list: null, fetchedAt: null, lastAttemptAt: now, error: null });
    return true;
  });
}

export async function removeList(db: CompanionDatabase, url: string): Promise<void> {
  if (url !== SHIPPED_LIST_KEY) await db.tokenLists.delete(url);
}

/** One token of an enabled list, with the list it came from. */
export interface ListedToken {
  entry: TokenListEntry;
  /** `shipped` or the URL the holder added. */
  source: string;
  listName: string;
}

/**
 * Every token of the enabled lists (the shipped one unless the holder turned it off, then the
 * added ones with a good copy, in the order added); a token listed twice is kept once, from the
 * first list. This is what discovery reads balances of and what recognises listed sites.
 */
export async function enabledListEntries(db: CompanionDatabase, shipped: TokenList = shippedList()): Promise<ListedToken[]> {
  const [shippedOn, added] = await Promise.all([shippedListEnabled(db), addedTokenLists(db)]);
  const sources: { source: string; list: TokenList }[] = [
    ...(shippedOn ? [{ source: SHIPPED_LIST_KEY, list: shipped }] : []),
    ...added.flatMap((row) => (row.enabled && row.list ? [{ source: row.url, list: row.list }] : [])),
  ];
  const seen = new Set<string>();
  const out: ListedToken[] = [];
  for (const { source, list } of sources) {
    for (const entry of list.tokens) {
      const key = `${entry.chainId}:${entry.address.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ entry, source, listName: list.name });
    }
  }
  return out;
}
