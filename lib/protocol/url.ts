/** Hosts where plain http is allowed: a creator's own machine (and the devnet demo). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname);
}

/**
 * Editors use this to flag URLs early; `urlProblem` is the authority (it parses the URL, so a
 * host like `localhost.evil.example` cannot pass as local).
 */
export const URL_PATTERN = '^(https://|http://(localhost|127\\.0\\.0\\.1)(:[0-9]{1,5})?(/|$))';

/**
 * Why `s` is not an acceptable URL, or undefined. https only, because a manifest names the
 * places the extension fetches claims and sends signed proofs; http only on the local machine.
 */
export function urlProblem(s: string): string | undefined {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return 'is not a full URL (it must start with https://)';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLocalHost(url.hostname) ? undefined : 'must use https:// (http:// is allowed only for localhost)';
  }
  return `must start with https://, not ${url.protocol}`;
}
