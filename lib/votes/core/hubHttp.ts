import { parseUnknown } from '@/lib/protocol/parseJsonText';
import { HubResponseError, HubUnreachableError } from './errors';
import { readAtMost } from '@/lib/net/fetchCapped';

// One request to a vote hub: JSON in and out, a deadline for the whole exchange (headers and
// body), and a byte cap enforced while reading, so a slow or hostile hub can neither hang a
// refresh nor fill the background's memory.

export const HUB_TIMEOUT_MS = 10_000;

export interface HubHttpOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface HubAnswer {
  status: number;
  ok: boolean;
  /** Parsed JSON, or undefined when the body was not JSON (checked by the caller per status). */
  json: unknown;
}

export async function hubRequest(
  url: string,
  request: { method: 'GET' | 'POST'; body?: unknown; maxBytes: number },
  options: HubHttpOptions = {},
): Promise<HubAnswer> {
  const timeoutMs = options.timeoutMs ?? HUB_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced as well as aborted: the deadline holds even against a fetch that ignores its signal.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new HubUnreachableError(`The vote hub did not answer in ${timeoutMs / 1000} s`, { details: url }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([exchange(url, request, controller.signal, options.fetch ?? fetch), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function exchange(
  url: string,
  request: { method: 'GET' | 'POST'; body?: unknown; maxBytes: number },
  signal: AbortSignal,
  doFetch: typeof fetch,
): Promise<HubAnswer> {
  let res: Response;
  try {
    res = await doFetch(url, {
      method: request.method,
      signal,
      credentials: 'omit',
      redirect: 'error', // a hub's answer comes from the hub, not from wherever it points
      headers:
        request.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new HubUnreachableError(`Could not reach the vote hub at ${hostOf(url)}; check your connection or try later`, {
      details: `${url}: ${why}`,
      cause: error,
    });
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > request.maxBytes) {
    await res.body?.cancel();
    throw tooLarge(url, request.maxBytes);
  }
  const bytes = await readAtMost(res, request.maxBytes).catch((error: unknown) => {
    throw new HubUnreachableError('The vote hub stopped answering halfway; try again later', { details: url, cause: error });
  });
  if (bytes === null) throw tooLarge(url, request.maxBytes);
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = text ? parseUnknown(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, ok: res.ok, json };
}

function tooLarge(url: string, max: number): HubResponseError {
  return new HubResponseError(`The vote hub sent more than ${Math.round(max / 1024)} KB; it was not read`, { details: url });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
