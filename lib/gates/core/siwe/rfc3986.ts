// The pieces of RFC 3986 that EIP-4361 refers to (authority, URI, scheme, pchar, reserved and
// unreserved), written out from its ABNF. `new URL()` is not used: it follows WHATWG, which
// repairs input (spaces, backslashes, missing slashes) where RFC 3986 says "invalid".

const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const GEN_DELIMS = ':/?#\\[\\]@';
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const SCHEME = '[A-Za-z][A-Za-z0-9+.\\-]*';
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`;
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*`;
// An IP-literal is matched loosely here and checked by isIpLiteral; IPv4 is a subset of reg-name.
const AUTHORITY = `(?:${USERINFO}@)?(\\[[^\\]/?#@]*\\]|${REG_NAME})(?::[0-9]*)?`;
const QUERY = `(?:${PCHAR}|[/?])*`;
const HIER_PART = `(?://${AUTHORITY}(?:/${SEGMENT})*|/(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?|${SEGMENT_NZ}(?:/${SEGMENT})*|)`;

const SCHEME_RE = new RegExp(`^${SCHEME}$`);
const AUTHORITY_RE = new RegExp(`^${AUTHORITY}$`);
const URI_RE = new RegExp(`^${SCHEME}:${HIER_PART}(?:\\?${QUERY})?(?:#${QUERY})?$`);
const PCHARS_RE = new RegExp(`^${PCHAR}*$`);
const STATEMENT_RE = new RegExp(`^[${UNRESERVED}${GEN_DELIMS}${SUB_DELIMS} ]*$`);
const IPV4_RE = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;
const IPV_FUTURE_RE = new RegExp(`^[vV][0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+$`);
const H16_RE = /^[0-9A-Fa-f]{1,4}$/;

export const isScheme = (s: string): boolean => SCHEME_RE.test(s);

/** `*pchar`, the request-id. */
export const isPchars = (s: string): boolean => PCHARS_RE.test(s);

/** `*( reserved / unreserved / " " )`: ASCII without `"`, `%`, `<`, `>`, `\`, `^`, backtick, braces, `|`. */
export const isStatementText = (s: string): boolean => STATEMENT_RE.test(s);

/** authority = [ userinfo "@" ] host [ ":" port ]; a SIWE domain also needs a non-empty host. */
export function isAuthority(s: string, { requireHost }: { requireHost: boolean }): boolean {
  const match = AUTHORITY_RE.exec(s);
  const host = match?.[1];
  if (host === undefined) return false;
  if (host.startsWith('[')) return isIpLiteral(host);
  return !requireHost || host !== '';
}

/** URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ] (absolute; no relative references). */
export function isUri(s: string): boolean {
  if (!URI_RE.test(s)) return false;
  const authority = /^[^:]+:\/\/([^/?#]*)/.exec(s)?.[1];
  return authority === undefined || isAuthority(authority, { requireHost: false });
}

/** IP-literal = "[" ( IPv6address / IPvFuture ) "]". */
function isIpLiteral(s: string): boolean {
  const inner = s.slice(1, -1);
  return IPV_FUTURE_RE.test(inner) || isIpv6(inner);
}

/** RFC 3986 IPv6address: eight h16 groups, "::" standing for one or more, an IPv4 tail counting as two. */
function isIpv6(s: string): boolean {
  let text = s;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (lastColon === -1 || !IPV4_RE.test(tail)) return false;
    text = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((g) => H16_RE.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}
