import { getAddress, type Address } from 'viem';

export interface AddressProblem {
  message: string;
  /** The checksummed address the creator probably meant, when only the case is wrong. */
  suggestion?: Address;
}

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
export const ADDRESS_PATTERN = HEX_ADDRESS.source;
const ZERO = '0x0000000000000000000000000000000000000000';

/**
 * Why `s` is not an address we accept, or undefined when it is fine. All-lowercase is accepted
 * (it carries no checksum); mixed case must be a valid EIP-55 checksum, because a wrong one
 * usually means a mistyped character.
 */
export function addressProblem(s: string): AddressProblem | undefined {
  if (!HEX_ADDRESS.test(s)) {
    if (/^[0-9a-fA-F]{40}$/.test(s)) return { message: 'must start with 0x' };
    if (/^0x[0-9a-fA-F]*$/.test(s)) return { message: `must be 0x followed by 40 hex digits; this one has ${s.length - 2}` };
    return { message: 'must be 0x followed by 40 hex digits (0-9, a-f)' };
  }
  if (s.toLowerCase() === ZERO) return { message: 'is the zero address, which is never a token or contract' };
  if (s === s.toLowerCase()) return undefined;
  const checksummed = getAddress(s);
  if (checksummed === s) return undefined;
  return { message: 'checksum does not match', suggestion: checksummed };
}

/** The lower-case form rows are keyed by: one spelling per account, whatever case it came in. */
export function lowerAddress(address: Address): Address {
  return `0x${address.slice(2).toLowerCase()}`;
}
