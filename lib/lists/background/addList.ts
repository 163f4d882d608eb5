import type { CompanionDatabase } from '@/lib/db/database';
import { UserFacingError } from '../../app/userFacingError';
import { listUrlProblem } from '../core/listSource';
import { saveAddedList, tokenListRow } from '../tokenListsRepository';
import { fetchTokenList } from './fetchTokenList';

/** Adds a list by URL: fetched and checked first, so a broken list is explained and never stored. */
export async function addTokenList(
  db: CompanionDatabase,
  input: string,
  opts: { now?: number; fetch?: typeof fetch } = {},
): Promise<{ url: string; name: string; tokens: number }> {
  const url = input.trim();
  const problem = listUrlProblem(url);
  if (problem) throw new UserFacingError(problem);
  if (await tokenListRow(db, url)) throw new UserFacingError('This list is already added; turn it on or off below.');
  const parsed = await fetchTokenList(url, { fetch: opts.fetch });
  if (!parsed.ok) throw new UserFacingError(parsed.error.replace('; the last good copy is kept', ', so it was not added'));
  await saveAddedList(db, url, parsed.list, opts.now ?? Date.now());
  return { url, name: parsed.list.name, tokens: parsed.list.tokens.length };
}
