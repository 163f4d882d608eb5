export interface FetchCappedOptions {
  /** A number, or chosen from the Content-Type (an HTML page may be larger than a manifest). */
  maxBytes: number | ((contentType: string) => number);
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type FetchCappedBytesResult =
  | { ok: true; bytes: Uint8Array; url: string; contentType: string }
  /** `tooLarge` carries the size when the server said it (Content-Length), else the cap. */
  | { ok: false; error: string; tooLarge?: { bytes: number; exact: boolean } };

export type FetchCappedResult =
  | { ok: true; text: string; url: string; contentType: string }
  /** `tooLarge` carries the size when the server said it (Content-Length), else the cap. */
  | { ok: false; error: string; tooLarge?: { bytes: number; exact: boolean } };

/**
 * GET with a timeout and a byte cap enforced while reading, so a hostile or broken server can
 * neither hang the caller nor fill memory. Used by the validate-manifest command and the
 * background (claims files); the content script keeps its own tiny copy to stay small.
 */
export async function fetchCapped(url: string, opts: FetchCappedOptions): Promise<FetchCappedResult> {
  const result = await fetchCappedBytes(url, opts);
  return result.ok ? { ok: true, text: new TextDecoder().decode(result.bytes), url: result.url, contentType: result.contentType } : result;
}

/** The same, keeping the bytes as they came (to hash them, or to scan a large file without decoding it). */
export async function fetchCappedBytes(url: string, opts: FetchCappedOptions): Promise<FetchCappedBytesResult> {
  const doFetch = opts.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    const res = await doFetch(url, {
      signal: controller.signal,
      credentials: 'omit',
      headers: { accept: 'application/json, text/html;q=0.9' },
    });
    if (!res.ok) return { ok: false, error: `${url} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    const contentType = res.headers.get('content-type') ?? '';
    const max = typeof opts.maxBytes === 'number' ? opts.maxBytes : opts.maxBytes(contentType);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > max) {
      await res.body?.cancel();
      return { ok: false, error: tooLargeText(url, declared, true, max), tooLarge: { bytes: declared, exact: true } };
    }
    const bytes = await readAtMost(res, max);
    if (!bytes) return { ok: false, error: tooLargeText(url, max + 1, false, max), tooLarge: { bytes: max + 1, exact: false } };
    return { ok: true, bytes, url: res.url || url, contentType };
  } catch (e) {
    if (controller.signal.aborted) return { ok: false, error: `${url} did not answer within ${opts.timeoutMs / 1000} s` };
    return { ok: false, error: `could not fetch ${url}: ${errorText(e)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** The body, or null as soon as it passes `max` bytes (the rest is never downloaded). */
export async function readAtMost(res: Response, max: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function tooLargeText(url: string, bytes: number, exact: boolean, max: number): string {
  const kb = (n: number) => Math.ceil(n / 1024);
  return exact ? `${url} is ${kb(bytes)} KB; the limit is ${kb(max)} KB` : `${url} is more than ${kb(max)} KB, the limit`;
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? ` (${e.cause.message})` : '';
  return `${e.message}${cause}`;
}
