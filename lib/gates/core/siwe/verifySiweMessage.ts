import { isAddress, isAddressEqual, recoverMessageAddress, type Address, type Hex } from 'viem';
import { parseSiweMessage } from './parseSiweMessage';
import { parseRfc3339 } from './rfc3339';
import { SiweError } from './siweError';
import type { SiweFields } from './types';

export interface VerifySiweMessageParameters {
  message: string;
  signature: Hex;
  /** Domain, nonce and time are required: a check that can be skipped will be. */
  expected: {
    /** host[:port] of the origin the proof is for (checkSiweOrigin gives it). */
    domain: string;
    /** The nonce we issued, compared exactly. */
    nonce: string;
    address?: Address;
    /** The time to judge expiry and not-before at (usually now). */
    time: Date;
    chainId?: number;
    uri?: string;
    /** Compared with the message's scheme, https when the message has none. */
    scheme?: string;
  };
}

export type VerifySiweMessageReturnType = SiweFields;

/**
 * The message's fields when it is well formed, for us, valid at `expected.time` and signed by its
 * address with EIP-191 personal_sign; otherwise throws SiweError with the reason.
 *
 * Externally owned accounts only. A contract wallet's EIP-1271 signature needs an eth_call to the
 * contract, which this pure module does not make: such a signature is refused, not accepted.
 */
export async function verifySiweMessage({
  message,
  signature,
  expected,
}: VerifySiweMessageParameters): Promise<VerifySiweMessageReturnType> {
  const time = expected.time instanceof Date ? expected.time.getTime() : NaN;
  if (Number.isNaN(time)) throw new SiweError('bad-expectation', 'SIWE check needs a valid time to judge expiry at.');
  if (!expected.domain || !expected.nonce) throw new SiweError('bad-expectation', 'SIWE check needs the expected domain and nonce.');
  if (expected.address !== undefined && !isAddress(expected.address, { strict: false }))
    throw new SiweError('bad-expectation', `SIWE check got an expected address that is not one: ${expected.address}.`);
  const fields = parseSiweMessage(message);
  // Hosts are case-insensitive (RFC 3986); browsers give them in lower case.
  if (fields.domain.toLowerCase() !== expected.domain.toLowerCase()) {
    throw new SiweError('domain-mismatch', `This sign-in message is for ${fields.domain}, not ${expected.domain}.`);
  }
  if (expected.scheme !== undefined && (fields.scheme ?? 'https').toLowerCase() !== expected.scheme.toLowerCase()) {
    throw new SiweError('scheme-mismatch', `This sign-in message is for ${fields.scheme ?? 'https'}://, not ${expected.scheme}://.`);
  }
  if (fields.nonce !== expected.nonce)
    throw new SiweError(
      'nonce-mismatch',
      'This sign-in message carries another nonce than the one issued (replayed or for another request).',
    );
  if (expected.address !== undefined && !isAddressEqual(fields.address as Address, expected.address)) {
    throw new SiweError('address-mismatch', `This sign-in message is for ${fields.address}, not ${expected.address}.`);
  }
  if (expected.chainId !== undefined && fields.chainId !== expected.chainId) {
    throw new SiweError('chain-mismatch', `This sign-in message is for chain ${fields.chainId}, not ${expected.chainId}.`);
  }
  if (expected.uri !== undefined && fields.uri !== expected.uri)
    throw new SiweError('uri-mismatch', `This sign-in message is for ${fields.uri}, not ${expected.uri}.`);
  // Both times parsed already in parseSiweMessage, so they are valid here.
  if (fields.expirationTime !== undefined && time >= parseRfc3339(fields.expirationTime)!.getTime()) {
    throw new SiweError('expired', `This sign-in message expired at ${fields.expirationTime}.`);
  }
  if (fields.notBefore !== undefined && time < parseRfc3339(fields.notBefore)!.getTime()) {
    throw new SiweError('not-yet-valid', `This sign-in message is not valid before ${fields.notBefore}.`);
  }
  const signer = await recoverSigner(message, signature);
  if (!isAddressEqual(signer, fields.address as Address)) {
    throw new SiweError(
      'signature-mismatch',
      `The signature was not made by ${fields.address}. (Contract wallets' EIP-1271 signatures are not checked here.)`,
    );
  }
  return fields;
}

/** 65 bytes r‖s‖v with v 27/28, or 0/1 as some hardware wallets send it. */
async function recoverSigner(message: string, signature: Hex): Promise<Address> {
  const malformed = () =>
    new SiweError(
      'malformed-signature',
      "The signature is not a 65-byte Ethereum account signature. (Contract wallets' EIP-1271 signatures are not checked here.)",
    );
  if (typeof signature !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(signature)) throw malformed();
  if (![0, 1, 27, 28].includes(parseInt(signature.slice(130), 16))) throw malformed();
  try {
    return await recoverMessageAddress({ message, signature });
  } catch {
    throw malformed();
  }
}
