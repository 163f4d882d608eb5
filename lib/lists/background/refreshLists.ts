import type { CompanionDatabase } from '@/lib/db/database';
import { listIsDue } from '../core/listSource';
import { addedTokenLists, saveFetchOutcome } from '../tokenListsRepository';
import { fetchTokenList } from './fetchTokenList';

/**
 * Fetches again every added, enabled list last tried a day or more ago (all at once). A broken
 * answer is recorded next to the list and changes nothing else: the last good copy stays in use.
 */
export async function refreshDueLists(db: CompanionDatabase, opts: { now?: number; fetch?: typeof fetch } = {}): Promise<string[]> {
  const now = opts.now ?? Date.now();
  const due = (await addedTokenLists(db)).filter((row) => row.enabled && listIsDue(row, now));
  await Promise.all(
    due.map(async (row) => {
      const parsed = await fetchTokenList(row.url, { fetch: opts.fetch });
      await saveFetchOutcome(db, row.url, parsed.ok ? { list: parsed.list } : { error: parsed.error }, now);
    }),
  );
  return due.map((row) => row.url);
}
