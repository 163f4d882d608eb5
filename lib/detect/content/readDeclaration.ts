import { DECLARATION_LIMITS, type ManifestFetch } from '@/lib/detect/declarationMessage';

const TOKEN_ID_SHAPE = /^eip155:[0-9]{1,16}\/erc20:0x[0-9a-fA-F]{40}$/;

export interface PageDeclaration {
  token: string | null;
  pageError: string | null;
  /** Absolute, same-origin manifest URL, when the page links one. */
  manifestUrl: string | null;
}

/**
 * Reads the declaration from the page's markup only. Returns null when the page declares
 * nothing, which is the common case and must cost next to nothing.
 */
export function readDeclaration(doc: Document, pageOrigin: string): PageDeclaration | null {
  const metas = doc.querySelectorAll('meta[name="personal-token"]');
  if (metas.length === 0) return null;
  const fail = (pageError: string): PageDeclaration => ({ token: null, pageError, manifestUrl: null });
  if (metas.length > 1) return fail(`The page declares ${metas.length} tokens; a page may declare only one.`);
  const token = (metas[0]!.getAttribute('content') ?? '').trim();
  if (token.length > DECLARATION_LIMITS.tokenChars)
    return fail(`The token declaration is ${token.length} characters long; the limit is ${DECLARATION_LIMITS.tokenChars}.`);

  // Only the shape is checked here, so nothing is fetched for a malformed id; the background
  // checks the id fully (checksum, known chain) again.
  if (!TOKEN_ID_SHAPE.test(token)) return { token, pageError: null, manifestUrl: null };

  const links = doc.querySelectorAll('link[rel~="personal-token-manifest"]');
  if (links.length > 1) return fail('The page links more than one personal-token manifest.');
  const href = links[0]?.getAttribute('href');
  if (href == null) return { token, pageError: null, manifestUrl: null };
  let url: URL;
  try {
    url = new URL(href, doc.baseURI);
  } catch {
    return fail('The manifest link is not a valid URL.');
  }
  if (url.origin !== pageOrigin) return fail(`The manifest must be on this site (${pageOrigin}), not on ${url.origin}.`);
  return { token, pageError: null, manifestUrl: url.href.slice(0, DECLARATION_LIMITS.manifestUrlChars) };
}

/** Fetches the manifest with a size cap and a timeout; never throws. */
export async function fetchManifest(url: string): Promise<ManifestFetch> {
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(DECLARATION_LIMITS.manifestTimeoutMs),
    });
    if (!response.ok) return { url, error: `The manifest answered HTTP ${response.status}.` };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > DECLARATION_LIMITS.manifestBytes) return { url, error: tooBig(declared) };
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > DECLARATION_LIMITS.manifestBytes) {
        void reader.cancel();
        return { url, error: tooBig(size) };
      }
      chunks.push(value);
    }
    return { url, text: new TextDecoder().decode(concat(chunks, size)) };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { url, error: timedOut ? 'The manifest did not answer within 5 seconds.' : 'The manifest could not be fetched.' };
  }
}

function tooBig(bytes: number): string {
  return `The manifest is larger than ${DECLARATION_LIMITS.manifestBytes / 1024} KiB (${Math.ceil(bytes / 1024)} KiB or more).`;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
