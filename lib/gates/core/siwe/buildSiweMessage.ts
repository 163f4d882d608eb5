import { checkSiweFields } from './checkSiweFields';
import type { SiweFields } from './types';

export const SIWE_HEADER_SUFFIX = ' wants you to sign in with your Ethereum account:';

/**
 * The exact EIP-4361 text for `fields`, after checking every field against the ABNF (throws
 * SiweError naming the first bad one). The address comes out EIP-55 checksummed.
 */
export function buildSiweMessage(fields: SiweFields): string {
  return formatSiweMessage(checkSiweFields(fields, { exactAddress: false }));
}

/**
 * The layout alone, with no checks. Only for fields already checked, and for tests that must
 * lay out deliberately broken fields (the spruceid verification vectors) to see the parser refuse them.
 */
export function formatSiweMessage(f: SiweFields): string {
  const lines = [`${f.scheme ? `${f.scheme}://` : ''}${f.domain}${SIWE_HEADER_SUFFIX}`, f.address, ''];
  // ABNF: address LF LF [ statement LF ] LF "URI: "; no statement means three line breaks in a row.
  if (f.statement !== undefined) lines.push(f.statement);
  lines.push('', `URI: ${f.uri}`, `Version: ${f.version}`, `Chain ID: ${f.chainId}`, `Nonce: ${f.nonce}`, `Issued At: ${f.issuedAt}`);
  if (f.expirationTime !== undefined) lines.push(`Expiration Time: ${f.expirationTime}`);
  if (f.notBefore !== undefined) lines.push(`Not Before: ${f.notBefore}`);
  if (f.requestId !== undefined) lines.push(`Request ID: ${f.requestId}`);
  if (f.resources !== undefined) lines.push('Resources:', ...f.resources.map((r) => `- ${r}`));
  return lines.join('\n');
}
