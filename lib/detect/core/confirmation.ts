import { parseTokenId, type TokenId } from '@/lib/protocol/caip19';
import { isLocalHost } from '@/lib/protocol/url';
import type { TokenList, TokenListEntry } from './tokenListSchema';

export type { TokenList, TokenListEntry } from './tokenListSchema';

/**
 * 'confirmed': a curated list says this token belongs to the site the page is on.
 * 'declared': only the page says so (anyone can put any token in their page).
 */
export type Confirmation = 'confirmed' | 'declared';

/**
 * Confirmed only when the token is listed and the page's host (with its port, if not the
 * default) is one of its domains or a subdomain of one. The comparison is on the parsed host,
 * label by label, so `alexmasmej.com.evil.io`, `evil-alexmasmej.com` and homographs (which the
 * URL parser turns into punycode) stay 'declared'. Plain http counts only on the local machine:
 * on the open network anyone on the path could have written the page.
 */
export function confirmationFor(list: TokenList, tokenId: string, pageOrigin: string): Confirmation {
  let token: TokenId;
  let page: URL;
  try {
    token = parseTokenId(tokenId);
    page = new URL(pageOrigin);
  } catch {
    return 'declared';
  }
  const secure = page.protocol === 'https:' || (page.protocol === 'http:' && isLocalHost(page.hostname));
  if (!secure) return 'declared';

  const entry = findEntry(list, token);
  const domains = entry?.extensions?.domains;
  if (!Array.isArray(domains)) return 'declared';
  return domains.some((d) => hostMatches(page, d)) ? 'confirmed' : 'declared';
}

export function findEntry(list: TokenList, token: TokenId): TokenListEntry | undefined {
  const address = token.address.toLowerCase();
  return list.tokens.find((t) => t.chainId === token.chainId && t.address.toLowerCase() === address);
}

/** `page` is on `domain` (host, optional port) or one of its subdomains, label by label. */
export function hostMatches(page: URL, domain: string): boolean {
  if (typeof domain !== 'string') return false;
  const [host = '', port = ''] = domain.toLowerCase().split(':');
  if (!host || port !== page.port) return false;
  return page.hostname === host || page.hostname.endsWith(`.${host}`);
}
