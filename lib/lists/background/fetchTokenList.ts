import { fetchCapped } from '@/lib/net/fetchCapped';
import { LIST_FETCH_TIMEOUT_MS, MAX_LIST_BYTES, parseListText, type ParsedList } from '../core/listSource';

/**
 * Fetches a token list with a size cap and a timeout, then checks it. Never throws: a broken
 * list (unreachable, too big, not JSON, not the schema) comes back as one sentence.
 */
export async function fetchTokenList(
  url: string,
  opts: { fetch?: typeof fetch; maxBytes?: number; timeoutMs?: number } = {},
): Promise<ParsedList> {
  const answer = await fetchCapped(url, {
    maxBytes: opts.maxBytes ?? MAX_LIST_BYTES,
    timeoutMs: opts.timeoutMs ?? LIST_FETCH_TIMEOUT_MS,
    fetch: opts.fetch,
  });
  if (!answer.ok)
    return {
      ok: false,
      error: `The list could not be used: ${answer.error}; the last good copy is kept. Check the address or try again later.`,
    };
  return parseListText(url, answer.text);
}
