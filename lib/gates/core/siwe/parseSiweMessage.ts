import { SIWE_HEADER_SUFFIX } from './buildSiweMessage';
import { checkSiweFields } from './checkSiweFields';
import { SiweError } from './siweError';
import type { SiweFields } from './types';

// Strict where viem's parser is lenient: lines in exactly the ABNF's order, LF only, nothing
// before or after, and every value checked (EIP-55 address, RFC 3339 times, RFC 3986 URIs).

/** The fields of an EIP-4361 message; throws SiweError for any deviation from the ABNF. */
export function parseSiweMessage(message: string): SiweFields {
  if (typeof message !== 'string') throw structure('the message is not text.');
  const lines = message.split('\n');
  let at = 0;
  const take = () => lines[at++];
  const blank = () => {
    const line = take();
    if (line !== '') throw structure(`line ${at} should be empty, found ${quote(line)}.`);
  };
  const tagged = (tag: string) => {
    const line = take();
    if (!line?.startsWith(tag)) throw structure(`line ${at} should start with "${tag}", found ${quote(line)}.`);
    return line.slice(tag.length);
  };
  const optional = (tag: string) => (lines[at]?.startsWith(tag) ? tagged(tag) : undefined);

  const header = take() ?? '';
  if (!header.endsWith(SIWE_HEADER_SUFFIX)) throw structure(`the first line must end with "${SIWE_HEADER_SUFFIX.trim()}".`);
  const origin = header.slice(0, -SIWE_HEADER_SUFFIX.length);
  // A domain has no "/", so the first "://" can only end a scheme.
  const sep = origin.indexOf('://');
  const address = take();
  blank();
  let statement: string | undefined;
  if (lines[at] !== '') statement = take();
  else if (lines[at + 1] === '') {
    statement = ''; // present but empty, four line breaks in a row: the ABNF allows it
    at++;
  }
  blank();
  const uri = tagged('URI: ');
  const version = tagged('Version: ');
  const chainId = tagged('Chain ID: ');
  const nonce = tagged('Nonce: ');
  const issuedAt = tagged('Issued At: ');
  const expirationTime = optional('Expiration Time: ');
  const notBefore = optional('Not Before: ');
  const requestId = optional('Request ID: ');
  let resources: string[] | undefined;
  if (lines[at] === 'Resources:') {
    at++;
    resources = [];
    while (lines[at]?.startsWith('- ')) resources.push(take()!.slice(2));
  }
  if (at < lines.length) throw structure(`unexpected line ${at + 1}: ${quote(lines[at])}.`);
  // chain-id = 1*DIGIT; leading zeros or digits past 2^53 would not survive as a number.
  if (!/^[1-9][0-9]*$/.test(chainId) || !Number.isSafeInteger(Number(chainId))) {
    throw new SiweError('bad-chain-id', `SIWE message: Chain ID ${quote(chainId)} is not a positive whole number.`);
  }
  const fields = {
    scheme: sep === -1 ? undefined : origin.slice(0, sep),
    domain: sep === -1 ? origin : origin.slice(sep + 3),
    address,
    statement,
    uri,
    version,
    chainId: Number(chainId),
    nonce,
    issuedAt,
    expirationTime,
    notBefore,
    requestId,
    resources,
  };
  return checkSiweFields(fields, { exactAddress: true });
}

const structure = (detail: string) => new SiweError('bad-structure', `SIWE message: ${detail}`);

function quote(line: string | undefined): string {
  if (line === undefined) return 'the end of the message';
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}
