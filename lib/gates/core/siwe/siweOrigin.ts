// Which browser origins may get a SIWE message built for them (ERC-4361 security considerations):
// the domain and URI come from the tab's real origin, never from the page's own claims, and only
// from origins a person can trust to be that site.

export type SiweOriginCheck = { ok: true; domain: string; uri: string } | { ok: false; reason: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:', 'extension:']);

/**
 * `domain` (host[:port]) and `uri` (the origin) for a sign-in from `origin`, or a sentence saying
 * why not. https only; http://localhost and http://127.0.0.1 only when `allowLocalhost` (development builds).
 */
export function checkSiweOrigin(origin: string, opts: { allowLocalhost: boolean }): SiweOriginCheck {
  if (origin === 'null' || origin === '') {
    return refuse('This page has no origin of its own (a sandboxed frame, a data: or file: page), so it cannot be signed in to.');
  }
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return refuse(`"${origin}" is not a web address, so it cannot be signed in to.`);
  }
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) {
    if (!opts.allowLocalhost) return refuse(`Signing in to ${url.host} over http is only allowed in development builds.`);
  } else if (url.protocol === 'http:') {
    return refuse(`${url.host} is not using a secure connection (http). Signing in needs https.`);
  } else if (url.protocol === 'file:') {
    return refuse('A file on this computer cannot ask for a sign-in. Open the site over https.');
  } else if (EXTENSION_SCHEMES.has(url.protocol)) {
    return refuse('A browser extension cannot ask for a sign-in to a web site.');
  } else if (url.protocol !== 'https:') {
    return refuse(`Only https web sites can ask for a sign-in, not ${url.protocol} pages.`);
  }
  if (url.username || url.password)
    return refuse('The address contains a user name or password, which could disguise the real site. Sign-in refused.');
  if (url.origin !== origin) return refuse(`"${origin}" is not a plain site origin such as https://example.com.`);
  return { ok: true, domain: url.host, uri: url.origin };
}

const refuse = (reason: string): SiweOriginCheck => ({ ok: false, reason });
