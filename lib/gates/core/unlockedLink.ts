/**
 * A link gate's content, if it is a link we may show: https, or http on localhost in development
 * builds. Anything else (`javascript:`, `data:`, relative paths, credentials in the URL) is refused.
 */
export function safeUnlockedLink(content: string, allowLocalhost: boolean): string | null {
  let url: URL;
  try {
    url = new URL(content.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:') return url.href;
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  return allowLocalhost && local && url.protocol === 'http:' ? url.href : null;
}

/** Development builds (devnet, tests, `wxt` dev) accept localhost for sign-in and links; any other build never. */
export const ALLOW_LOCALHOST = ['devnet', 'test', 'development'].includes(import.meta.env.MODE);
