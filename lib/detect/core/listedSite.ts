import { isLocalHost } from '@/lib/protocol/url';
import { hostMatches } from './confirmation';
import type { TokenList, TokenListEntry } from './tokenListSchema';

/**
 * The list entry whose `extensions.domains` names the site of `pageUrl` (exact host or a
 * subdomain, label by label, with the port), or null. Read from the tab's URL alone, so a listed
 * site is recognised even when its pages declare nothing. Same rules as `confirmationFor`: the
 * URL parser lowers case and turns homographs into punycode (`xn--…`), so a lookalike never
 * matches; plain http counts only on the local machine. One domain listed for several tokens
 * recognises none of them (the page would have to say which).
 */
export function listedEntryForUrl(list: TokenList, pageUrl: string): TokenListEntry | null {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  const secure = page.protocol === 'https:' || (page.protocol === 'http:' && isLocalHost(page.hostname));
  if (!secure) return null;
  const found = list.tokens.filter((t) => (t.extensions?.domains ?? []).some((d) => hostMatches(page, d)));
  return found.length === 1 ? found[0]! : null;
}
