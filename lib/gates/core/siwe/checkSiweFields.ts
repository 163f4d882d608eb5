import { getAddress } from 'viem';
import { isAuthority, isPchars, isScheme, isStatementText, isUri } from './rfc3986';
import { parseRfc3339 } from './rfc3339';
import { SiweError, type SiweReason } from './siweError';
import type { SiweFields } from './types';

/** What callers hand in: any values under the field names, checked here. */
export type UncheckedSiweFields = { [K in keyof SiweFields]?: unknown };

export interface CheckSiweFieldsOptions {
  /**
   * Parsing: the address must already be EIP-55 checksummed, as it was signed. Building: an
   * all-lower or all-upper case address (no checksum in it) is checksummed; a mixed-case one
   * must carry a correct checksum either way.
   */
  exactAddress: boolean;
}

/**
 * Every field against the EIP-4361 ABNF, in message order, so the first problem is the one
 * reported. Fields arrive from JSON and callers, so types are checked at run time too.
 * Returns a fresh object with only the known fields (null optional fields dropped).
 */
export function checkSiweFields(f: UncheckedSiweFields, { exactAddress }: CheckSiweFieldsOptions): SiweFields {
  const scheme = optional(f.scheme);
  if (scheme !== undefined && !(typeof scheme === 'string' && isScheme(scheme)))
    fail('bad-scheme', `scheme ${show(scheme)} is not an RFC 3986 scheme such as https.`);
  if (typeof f.domain !== 'string' || !isAuthority(f.domain, { requireHost: true }))
    fail('bad-domain', `domain ${show(f.domain)} is not an RFC 3986 authority such as example.com or localhost:3000.`);
  const address = checkAddress(f.address, exactAddress);
  const statement = optional(f.statement);
  if (statement !== undefined && !(typeof statement === 'string' && isStatementText(statement))) {
    fail(
      'bad-statement',
      `statement ${show(statement)} must be one line of letters, digits, spaces and :/?#[]@!$&'()*+,;=-._~ only (no line break, no " % < > \\ ^ \` { | }).`,
    );
  }
  if (typeof f.uri !== 'string' || !isUri(f.uri)) fail('bad-uri', `uri ${show(f.uri)} is not an absolute RFC 3986 URI.`);
  if (f.version !== '1') fail('bad-version', `version ${show(f.version)} is not "1".`);
  if (!(typeof f.chainId === 'number' && Number.isSafeInteger(f.chainId) && f.chainId >= 1))
    fail('bad-chain-id', `chainId ${show(f.chainId)} is not a positive whole number.`);
  if (typeof f.nonce !== 'string' || !/^[A-Za-z0-9]{8,}$/.test(f.nonce))
    fail('bad-nonce', `nonce ${show(f.nonce)} must be at least 8 letters or digits.`);
  const issuedAt = checkTime('issuedAt', f.issuedAt);
  const expirationTime = f.expirationTime == null ? undefined : checkTime('expirationTime', f.expirationTime);
  const notBefore = f.notBefore == null ? undefined : checkTime('notBefore', f.notBefore);
  const requestId = optional(f.requestId);
  if (requestId !== undefined && !(typeof requestId === 'string' && isPchars(requestId)))
    fail('bad-request-id', `requestId ${show(requestId)} may hold only RFC 3986 path characters.`);
  const resources = checkResources(optional(f.resources));
  return stripUndefined({
    scheme,
    domain: f.domain,
    address,
    statement,
    uri: f.uri,
    version: '1',
    chainId: f.chainId,
    nonce: f.nonce,
    issuedAt,
    expirationTime,
    notBefore,
    requestId,
    resources,
  });
}

function checkAddress(value: unknown, exact: boolean): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value))
    fail('bad-address', `address ${show(value)} is not 0x and 40 hex digits.`);
  const checksummed = getAddress(value);
  const hex = value.slice(2);
  const caseless = hex === hex.toLowerCase() || hex === hex.toUpperCase();
  if (checksummed === value || (!exact && caseless)) return checksummed;
  fail('bad-address', `address ${value} is not in EIP-55 checksum case (${checksummed}).`);
}

function checkResources(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail('bad-resource', 'resources must be a list of URIs.');
  const items: unknown[] = value;
  const resources: string[] = [];
  for (const r of items) {
    if (typeof r !== 'string' || !isUri(r)) fail('bad-resource', `resource ${show(r)} is not an absolute RFC 3986 URI.`);
    resources.push(r);
  }
  return resources;
}

function checkTime(name: string, value: unknown): string {
  if (typeof value !== 'string' || parseRfc3339(value) === null)
    fail('bad-time', `${name} ${show(value)} is not an RFC 3339 date-time such as 2024-05-01T12:00:00Z.`);
  return value;
}

const optional = (value: unknown) => (value === null ? undefined : value);

function stripUndefined(fields: SiweFields): SiweFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as SiweFields;
}

/** Enough of a bad value to recognise it, never a wall of text. */
function show(value: unknown): string {
  const text = value === undefined ? '(missing)' : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function fail(reason: SiweReason, message: string): never {
  throw new SiweError(reason, `SIWE ${message}`);
}
