import { LINK_REL, META_NAME, type PageDeclaration } from '../declaration';

// The extension reads the live DOM; the CLI has only the HTML text and no DOM in Node, so it
// scans tags. Enough for the `<head>` tags a creator writes by hand or a template emits.

const TAG = /<(meta|link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface HtmlDeclaration extends PageDeclaration {
  /** How many personal-token metas the page has; the first one counts, as with querySelector. */
  tokenCount: number;
}

export function findDeclarationInHtml(html: string): HtmlDeclaration {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  let token: string | null = null;
  let manifestHref: string | null = null;
  let tokenCount = 0;
  for (const [, tag = '', attrText = ''] of text.matchAll(TAG)) {
    const attrs = parseAttributes(attrText);
    if (tag.toLowerCase() === 'meta' && attrs.get('name')?.toLowerCase() === META_NAME) {
      tokenCount++;
      token ??= attrs.get('content') ?? '';
    }
    if (tag.toLowerCase() === 'link' && manifestHref === null) {
      const rels = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      if (rels.includes(LINK_REL)) manifestHref = attrs.get('href') ?? '';
    }
  }
  return { token, manifestHref, tokenCount };
}

function parseAttributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[body.toLowerCase()] ?? whole;
  });
}
