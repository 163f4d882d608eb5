import { readAtMost } from './fetchCapped';

/** Why a creator's endpoint gave no usable answer, with the base sentence for the holder. */
export type EndpointFailure =
  { kind: 'too-large' | 'not-json' | 'timeout' | 'unreachable'; sentence: string } | { kind: 'refused'; status: number; sentence: string };

export interface EndpointLimits {
  maxBytes: number;
  timeoutMs: number;
  /** How much of the server's own refusal sentence is shown. */
  errorChars: number;
}

/**
 * One JSON exchange with a creator's endpoint (gates, offers): no cookies, no redirects, a timeout
 * and a byte cap enforced while reading. Each feature turns a failure into its own error and words.
 */
export async function askCreatorEndpoint(
  url: string,
  init: RequestInit,
  limits: EndpointLimits,
  fetchImpl: typeof fetch,
  fail: (failure: EndpointFailure) => Error,
): Promise<unknown> {
  const answer = await exchange(url, init, limits, fetchImpl);
  if (!answer.ok) throw fail(answer.failure);
  return answer.json;
}

async function exchange(
  url: string,
  init: RequestInit,
  limits: EndpointLimits,
  fetchImpl: typeof fetch,
): Promise<{ ok: true; json: unknown } | { ok: false; failure: EndpointFailure }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const res = await fetchImpl(url, { ...init, signal: controller.signal, credentials: 'omit', redirect: 'error', cache: 'no-store' });
    const bytes = await readAtMost(res, limits.maxBytes);
    if (!bytes)
      return {
        ok: false,
        failure: { kind: 'too-large', sentence: `The creator's site sent more than ${Math.round(limits.maxBytes / 1024)} KiB.` },
      };
    const json = parseJson(new TextDecoder().decode(bytes));
    if (!res.ok)
      return { ok: false, failure: { kind: 'refused', status: res.status, sentence: refusalText(json, res.status, limits.errorChars) } };
    if (json === undefined) return { ok: false, failure: { kind: 'not-json', sentence: `The creator's site did not answer with JSON.` } };
    return { ok: true, json };
  } catch {
    if (controller.signal.aborted)
      return {
        ok: false,
        failure: { kind: 'timeout', sentence: `The creator's site did not answer within ${limits.timeoutMs / 1000} s.` },
      };
    return { ok: false, failure: { kind: 'unreachable', sentence: `Could not reach the creator's site (${new URL(url).host}).` } };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The server's own sentence (plain text, capped), or the status when it gave none. */
function refusalText(json: unknown, status: number, errorChars: number): string {
  const error = typeof json === 'object' && json !== null && 'error' in json ? json.error : undefined;
  if (typeof error !== 'string' || !error.trim()) return `The creator's site refused (HTTP ${status}).`;
  const clean = error
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, errorChars);
  return `The creator's site refused: ${clean}`;
}
