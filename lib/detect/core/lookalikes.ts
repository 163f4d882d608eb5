import { isLocalHost } from '@/lib/protocol/url';
import { hostMatches } from './confirmation';

/** A creator the holder has reason to trust: from an enabled list, or one they follow. */
export interface KnownCreator {
  tokenId: string;
  name: string | null;
  symbol: string | null;
  /** Listed domains (`alexmasmej.com`, `localhost:4101`); none for a followed creator that is not listed. */
  domains: string[];
}

/** What the page's token calls itself on chain. */
export interface DeclaredToken {
  tokenId: string;
  name: string | null;
  symbol: string | null;
}

/**
 * Warnings to show before any signature: the page's token copies a known creator's name or
 * symbol but is another contract, or the page's host looks like a listed domain without being
 * one. The creator's own listed site is never warned about its own creator.
 */
export function lookalikeWarnings(token: DeclaredToken | null, pageOrigin: string, known: KnownCreator[]): string[] {
  let page: URL;
  try {
    page = new URL(pageOrigin);
  } catch {
    return [];
  }
  const warnings: string[] = [];
  if (token) {
    for (const creator of known) {
      if (sameToken(creator.tokenId, token.tokenId)) continue;
      if (creator.domains.some((d) => hostMatches(page, d))) continue;
      const sameSymbol = !!token.symbol && !!creator.symbol && fold(token.symbol) === fold(creator.symbol);
      const sameName = !!token.name && !!creator.name && fold(token.name) === fold(creator.name);
      if (!sameSymbol && !sameName) continue;
      const copied = sameSymbol && sameName ? 'name and symbol' : sameSymbol ? 'symbol' : 'name';
      warnings.push(
        `This token copies the ${copied} of ${creator.name ?? creator.symbol} ($${creator.symbol ?? '?'}) but is another contract${creator.domains[0] ? `; the real one is listed for ${creator.domains[0]}` : ''}. Do not buy it or sign anything here unless you are sure.`,
      );
    }
  }
  const listedDomains = known.flatMap((c) => c.domains.map((d) => ({ domain: d, creator: c })));
  // Local sites differ by port only: nothing to mistake there.
  if (!isLocalHost(page.hostname) && !listedDomains.some(({ domain }) => hostMatches(page, domain))) {
    const like = listedDomains.find(({ domain }) => looksLike(page.hostname, domain.split(':')[0]!));
    if (like) {
      warnings.push(
        `This site (${page.host}) looks like ${like.domain}, where ${like.creator.name ?? 'a listed creator'} is listed, but it is a different site. Check the address bar before you sign anything.`,
      );
    }
  }
  return warnings;
}

function sameToken(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Case, spacing, punctuation and lookalike letters folded away: "ALEX", "Аlex", "a.l.e.x" → "alex". */
export function fold(s: string): string {
  return [...s.normalize('NFKC').toLowerCase()]
    .map((c) => CONFUSABLES[c] ?? c)
    .join('')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * `host` looks like the listed `domain` without being it: the same letters once homographs are
 * folded (punycode decoded), the listed name with words added (`alexmasmej-official.xyz`,
 * `alexmasmej.com.evil.io`), or one letter off (`alexmasmaj.com`).
 */
export function looksLike(host: string, domain: string): boolean {
  const label = registrableLabel(domain);
  if (label.length < 4) return false;
  const unicode = host.split('.').map(decodeLabel).join('.');
  const words = unicode
    .split(/[.\-_]/)
    .map(fold)
    .filter(Boolean);
  const joined = fold(unicode.split('.').slice(0, -1).join('') || unicode);
  if (fold(unicode) === fold(domain)) return true;
  if (words.includes(label) || (label.length >= 6 && joined.includes(label))) return true;
  return words.some((w) => w.length >= 5 && editDistanceAtMostOne(w, label));
}

/** `www.alexmasmej.com` → `alexmasmej` (the label before the public suffix, roughly: the second-to-last). */
function registrableLabel(domain: string): string {
  const labels = domain.toLowerCase().split('.');
  return fold(labels.length >= 2 ? labels[labels.length - 2]! : labels[0]!);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

// Letters from other scripts that render like Latin ones (a short table of the common homographs).
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  α: 'a',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  τ: 't',
  ρ: 'p',
  ε: 'e',
  '0': 'o',
  '1': 'l',
  ı: 'i',
  ł: 'l',
  ſ: 's',
};

/** RFC 3492 punycode decoding of one `xn--` label (the URL parser gives hosts in this form). */
function decodeLabel(label: string): string {
  if (!label.startsWith('xn--')) return label;
  const input = label.slice(4);
  const base = 36,
    tMin = 1,
    tMax = 26,
    skew = 38,
    damp = 700;
  const end = input.lastIndexOf('-');
  const output = end > 0 ? [...input.slice(0, end)].map((c) => c.codePointAt(0)!) : [];
  let n = 128,
    i = 0,
    bias = 72;
  for (let pos = end > 0 ? end + 1 : 0; pos < input.length;) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (pos >= input.length) return label;
      const c = input.charCodeAt(pos++);
      const digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base;
      if (digit >= base) return label;
      i += digit * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      w *= base - t;
    }
    const len = output.length + 1;
    let delta = oldi === 0 ? Math.floor((i - oldi) / damp) : (i - oldi) >> 1;
    delta += Math.floor(delta / len);
    let k = 0;
    for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
    bias = Math.floor(k + ((base - tMin + 1) * delta) / (delta + skew));
    n += Math.floor(i / len);
    i %= len;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}
