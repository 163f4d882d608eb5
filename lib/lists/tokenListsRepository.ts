import { SHIPPED_LIST_KEY, shippedList } from '@/lib/lists/shippedList';
import type { TokenList, TokenListEntry } from '@/lib/detect/core/tokenListSchema';
import type { CompanionDatabase } from '../db/database';
import type { TokenListRow } from '../db/rows';

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

/** The enabled lists: the shipped one unless the holder turned it off, then the added ones with a good copy, in the order added. */
async function enabledLists(db: CompanionDatabase, shipped: TokenList): Promise<{ source: string; list: TokenList }[]> {
  const [shippedOn, added] = await Promise.all([shippedListEnabled(db), addedTokenLists(db)]);
  return [
    ...(shippedOn ? [{ source: SHIPPED_LIST_KEY, list: shipped }] : []),
    ...added.flatMap((row) => (row.enabled && row.list ? [{ source: row.url, list: row.list }] : [])),
  ];
}

/**
 * Every token of the enabled lists, in their order; a token listed twice is kept once, from the
 * first list. This is what discovery reads balances of.
 */
export async function enabledListEntries(db: CompanionDatabase, shipped: TokenList = shippedList()): Promise<ListedToken[]> {
  const seen = new Set<string>();
  const out: ListedToken[] = [];
  for (const { source, list } of await enabledLists(db, shipped)) {
    for (const entry of list.tokens) {
      const key = tokenKey(entry);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ entry, source, listName: list.name });
    }
  }
  return out;
}

/**
 * The enabled lists as one list, for everything a list decides: confirmation, listed sites,
 * lookalike warnings. Same tokens and order as `enabledListEntries`; a token in several lists
 * keeps its first entry, with the domains of every list that names it (each enabled list vouches
 * for its own). A disabled list counts for nothing.
 */
export async function enabledTokenList(db: CompanionDatabase, shipped: TokenList = shippedList()): Promise<TokenList> {
  const byToken = new Map<string, TokenListEntry>();
  for (const { list } of await enabledLists(db, shipped)) {
    for (const entry of list.tokens) {
      const key = tokenKey(entry);
      const first = byToken.get(key);
      if (!first) {
        byToken.set(key, entry);
        continue;
      }
      const domains = [...new Set([...(first.extensions?.domains ?? []), ...(entry.extensions?.domains ?? [])])];
      if (domains.length) byToken.set(key, { ...first, extensions: { ...first.extensions, domains } });
    }
  }
  return { name: 'Enabled lists', timestamp: shipped.timestamp, version: shipped.version, tokens: [...byToken.values()] };
}

function tokenKey(entry: TokenListEntry): string {
  return `${entry.chainId}:${entry.address.toLowerCase()}`;
}
