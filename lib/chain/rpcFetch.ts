/** Longest Retry-After worth waiting for inside one request; longer means "ask the next endpoint". */
export const RETRY_AFTER_CAP_MS = 1_000;
const RETRY_DELAY_MS = 200;
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * The only retry layer of a chain request (viem's own retries are off): one more try after a
 * network error or a retryable status, when the endpoint asks to wait no longer than the cap.
 * An endpoint that says "come back in an hour" is answered at once, so the fallback moves on to
 * the next endpoint, or the chain is labelled stale now. viem's timeout covers both tries.
 */
export function rpcFetch(fetchImpl: Fetch = (input, init) => fetch(input, init)): Fetch {
  return async (input, init) => {
    let first: Response;
    try {
      first = await fetchImpl(input, init);
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      await pause(RETRY_DELAY_MS, init?.signal);
      return fetchImpl(input, init);
    }
    if (!RETRYABLE_STATUS.has(first.status)) return first;
    const wait = retryAfterMs(first.headers.get('Retry-After'));
    if (wait !== null && wait > RETRY_AFTER_CAP_MS) return first;
    await first.body?.cancel().catch(() => undefined);
    await pause(wait ?? RETRY_DELAY_MS, init?.signal);
    return fetchImpl(input, init);
  };
}

/** Retry-After as milliseconds (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function pause(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
