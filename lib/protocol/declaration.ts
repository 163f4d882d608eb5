import { formatTokenId, InvalidTokenIdError, parseTokenId, type TokenId } from './caip19';
import type { ValidationError } from './validationError';

/** What a page says in its `<head>`, read as-is. */
export interface PageDeclaration {
  /** `content` of `<meta name="personal-token">`. */
  token: string | null;
  /** `href` of `<link rel="personal-token-manifest">`, unresolved. */
  manifestHref?: string | null;
}

export type CheckDeclarationResult =
  { ok: true; token: TokenId; tokenId: string; manifestUrl: string | null } | { ok: false; errors: ValidationError[] };

export const META_NAME = 'personal-token';
export const LINK_REL = 'personal-token-manifest';

/**
 * The page-side rules of the protocol: a valid token id, and a manifest link (if any) that
 * resolves to http(s) on the page's own origin. Same origin is what makes the manifest as
 * trustworthy as the page itself: nobody else can speak for the creator's site.
 */
export function checkDeclaration(pageUrl: string, decl: PageDeclaration): CheckDeclarationResult {
  const errors: ValidationError[] = [];
  const where = `<meta name="${META_NAME}">`;
  let token: TokenId | undefined;
  if (decl.token === null) errors.push({ path: where, message: 'missing: the page declares no personal token' });
  else {
    try {
      token = parseTokenId(decl.token.trim());
    } catch (e) {
      errors.push({ path: where, message: e instanceof InvalidTokenIdError ? e.message : String(e) });
    }
  }

  let manifestUrl: string | null = null;
  if (decl.manifestHref != null) {
    const problem = manifestLinkProblem(pageUrl, decl.manifestHref);
    if (typeof problem === 'string') errors.push({ path: `<link rel="${LINK_REL}">`, message: problem });
    else manifestUrl = problem.url;
  }

  if (errors.length || !token) return { ok: false, errors };
  return { ok: true, token, tokenId: formatTokenId(token.chainId, token.address), manifestUrl };
}

function manifestLinkProblem(pageUrl: string, href: string): string | { url: string } {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return `cannot be resolved: the page address ${JSON.stringify(pageUrl)} is not a URL`;
  }
  if (!href.trim()) return 'has an empty href';
  let target: URL;
  try {
    target = new URL(href.trim(), page);
  } catch {
    return `href ${JSON.stringify(href)} is not a valid URL`;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return `must point to an http(s) address, not ${target.protocol}`;
  }
  if (target.origin !== page.origin) {
    return `points to ${target.origin}, but the manifest must be on the page's own origin (${page.origin})`;
  }
  target.hash = '';
  return { url: target.href };
}
