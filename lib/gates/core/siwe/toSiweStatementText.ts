// Creator-provided text (a gate title) goes into the statement, which the ABNF limits to one line
// of a narrow ASCII set. Anything else would make the message invalid, or, worse, let a title
// with a line break forge the lines after it.

const FRIENDLY: [RegExp, string][] = [
  // " “ ” „ ‟ « » ` ‘ ’ ‚ ‛ ‹ › ´, escaped: esbuild keeps a regular expression's characters as
  // written, and one outside ASCII makes the whole service-worker script a two-byte string.
  [/["\u201c\u201d\u201e\u201f\u00ab\u00bb`\u2018\u2019\u201a\u201b\u2039\u203a\u00b4]/g, "'"],
  [/[{<]/g, '('],
  [/[}>]/g, ')'],
  [/[|\\]/g, '/'],
  [/%/g, ' percent'],
];
const NOT_ALLOWED = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;= ]+/g;

/**
 * `text` as a valid SIWE statement: accents dropped (é → e), quotes and brackets swapped for
 * allowed ones, every other disallowed run (line breaks, emoji, other scripts) turned into a
 * space, spaces collapsed, and cut to `maxLength` with "..." at the end. May return '' (then
 * leave the statement out).
 */
export function toSiweStatementText(text: string, maxLength = 200): string {
  if (!Number.isSafeInteger(maxLength) || maxLength < 4) throw new RangeError(`maxLength must be at least 4, got ${maxLength}`);
  let plain = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  for (const [pattern, replacement] of FRIENDLY) plain = plain.replace(pattern, replacement);
  plain = plain.replace(NOT_ALLOWED, ' ').replace(/ {2,}/g, ' ').trim();
  return plain.length <= maxLength ? plain : `${plain.slice(0, maxLength - 3).trimEnd()}...`;
}
