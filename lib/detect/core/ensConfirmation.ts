import { getAddress, isAddress, zeroAddress, type Address } from 'viem';
import { isLocalHost } from '@/lib/protocol/url';

/**
 * The on-chain route to "confirmed": the key that controls the token also controls an ENS name
 * that names this site. The token's controller is its `owner()` (Ownable tokens) or, for
 * creator-coin contracts such as Zora's, its `payoutRecipient()`. That address's ENS primary
 * name (reverse record) must resolve forward to the same address (anyone may write any name in
 * their own reverse record), and the name's `url` text record must be exactly this site's origin.
 */
export type EnsVerdict =
  { status: 'confirmed'; name: string; owner: string; blockNumber: string } | { status: 'declared'; reason: string; name: string | null };

/** What the chain says, read by lib/detect/background/readEnsEvidence.ts. */
export interface EnsEvidence {
  /** `owner()` or else `payoutRecipient()` of the token; null when it exposes neither (or zero). */
  owner: Address | null;
  /** The name in the owner's reverse record (`<addr>.addr.reverse`), or null. */
  reverseName: string | null;
  /** What that name resolves to (`addr(name)`), or null. */
  forwardAddress: Address | null;
  /** The name's `url` text record, or null. */
  url: string | null;
  /** The token's own name() and symbol(), read in the same multicall (for the lookalike warnings). */
  tokenName?: string | null;
  tokenSymbol?: string | null;
  /** The block the ENS reads were made at. */
  blockNumber: bigint;
}

/** Decides the ENS route for a page at `pageOrigin` (the browser's origin of the tab, never the page's word). */
export function ensVerdict(evidence: EnsEvidence, pageOrigin: string): EnsVerdict {
  const declared = (reason: string, name: string | null = null): EnsVerdict => ({ status: 'declared', reason, name });
  let page: URL;
  try {
    page = new URL(pageOrigin);
  } catch {
    return declared('The page has no web origin, so no ENS name can name it.');
  }
  if (page.protocol !== 'https:' && !(page.protocol === 'http:' && isLocalHost(page.hostname))) {
    return declared('The site is not served over https, so anyone on the network path could have written this page.');
  }
  const { owner, reverseName: name, forwardAddress, url } = evidence;
  if (!owner || owner === zeroAddress) {
    return declared('The token contract names no owner (no owner() or payoutRecipient()), so it cannot be confirmed on chain.');
  }
  if (!name) return declared(`The token's owner ${owner} has no ENS primary name (reverse record).`);
  if (!forwardAddress || !isAddress(forwardAddress) || getAddress(forwardAddress) !== getAddress(owner)) {
    return declared(
      `The token's owner claims the ENS name ${name}, but ${name} points to ${forwardAddress && forwardAddress !== zeroAddress ? forwardAddress : 'no address'}: the name is not the owner's.`,
      name,
    );
  }
  if (!url) return declared(`${name} has no url text record naming this site (${page.origin}).`, name);
  const problem = urlRecordProblem(url, page);
  if (problem) return declared(`${name}'s url record is "${url.slice(0, 200)}": ${problem}`, name);
  return { status: 'confirmed', name, owner: getAddress(owner), blockNumber: evidence.blockNumber.toString() };
}

/** Why the `url` record is not exactly the page's origin, or null. A path, a query or another scheme is not a match. */
function urlRecordProblem(url: string, page: URL): string | null {
  let named: URL;
  try {
    named = new URL(url.trim());
  } catch {
    return `it is not a URL; it must be exactly this site's origin (${page.origin}).`;
  }
  if (named.origin !== page.origin) {
    if (named.host === page.host && named.protocol !== page.protocol) {
      return `it names ${named.protocol.slice(0, -1)}:// but this site is ${page.protocol.slice(0, -1)}://; it must be exactly ${page.origin}.`;
    }
    return `it names another site (${named.origin}), not this one (${page.origin}).`;
  }
  if (named.pathname !== '/' || named.search || named.hash || named.username || named.password) {
    return `it has a path; it must be exactly this site's origin (${page.origin}), with nothing after it.`;
  }
  return null;
}
