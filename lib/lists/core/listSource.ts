import { parseTokenList, type TokenList } from '@/lib/detect/core/tokenListSchema';
import { formatValidationError } from '@/lib/protocol/validationError';
import { urlProblem } from '@/lib/protocol/url';

/** A list bigger than this is refused: 10,000 tokens (the schema's limit) fit in about 3 MB. */
export const MAX_LIST_BYTES = 4 * 1024 * 1024;
export const LIST_FETCH_TIMEOUT_MS = 10_000;
/** A list is fetched again at most once a day (its last attempt, good or not, counts). */
export const LIST_REFETCH_AFTER_MS = 24 * 60 * 60 * 1000;

/** Why `input` cannot be a list URL, as one sentence; undefined when it can. */
export function listUrlProblem(input: string): string | undefined {
  const problem = urlProblem(input);
  return problem ? `The list address ${problem}; paste the full https:// address of the list's JSON file.` : undefined;
}

/** Due for a fetch: never tried, or last tried a day or more ago. */
export function listIsDue(row: { lastAttemptAt: number; fetchedAt: number | null }, now: number): boolean {
  return now - row.lastAttemptAt >= LIST_REFETCH_AFTER_MS;
}

export type ParsedList = { ok: true; list: TokenList } | { ok: false; error: string };

/** The bytes of a fetched list, checked: JSON, then the token-list schema; one sentence when broken. */
export function parseListText(url: string, text: string): ParsedList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `The list at ${url} is not valid JSON, so it was not used; ask its publisher to fix it or remove it.` };
  }
  const result = parseTokenList(json);
  if (result.ok) return result;
  const first = result.errors[0];
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problem${result.errors.length > 2 ? 's' : ''})` : '';
  return {
    ok: false,
    error: `The list at ${url} is not a valid token list, so it was not used: ${first ? formatValidationError(first) : 'unknown problem'}${more}.`,
  };
}
