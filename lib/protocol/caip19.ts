import { getAddress, type Address } from 'viem';
import { BaseError } from '../errors/baseError';
import { addressProblem } from './address';

/** An ERC-20 on an EVM chain, as named by CAIP-19: `eip155:<chainId>/erc20:<address>`. */
export interface TokenId {
  chainId: number;
  address: Address;
}

export class InvalidTokenIdError extends BaseError {
  override name = 'InvalidTokenIdError';
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message, { code: 'protocol.invalid-token-id' });
  }
}

// CAIP-2 allows any reference up to 32 characters; for eip155 it is the decimal chain id, so we
// require a canonical decimal (no leading zeros, no sign) that fits a safe integer.
const TOKEN_ID = /^eip155:([1-9][0-9]{0,31})\/erc20:(.*)$/;
const EXPECTED = 'expected a CAIP-19 id like eip155:1/erc20:0x…';

/** Parses a CAIP-19 ERC-20 id. Throws `InvalidTokenIdError` with a message a creator can act on. */
export function parseTokenId(input: string): TokenId {
  const match = TOKEN_ID.exec(input);
  if (!match) {
    const tip = shapeTip(input);
    throw new InvalidTokenIdError(input, `${EXPECTED}, got ${quote(input)}${tip ? `; ${tip}` : ''}`);
  }
  const chainId = Number(match[1]);
  if (!Number.isSafeInteger(chainId)) throw new InvalidTokenIdError(input, `the chain id ${match[1]} is too large`);
  const raw = match[2] ?? '';
  const problem = addressProblem(raw);
  if (problem) {
    // A checksum slip gets the corrected id, so the creator can paste it back.
    const message = problem.suggestion
      ? `the address checksum does not match; did you mean ${formatTokenId(chainId, problem.suggestion)}?`
      : `the address ${problem.message}`;
    throw new InvalidTokenIdError(input, message);
  }
  return { chainId, address: getAddress(raw) };
}

/** The canonical id: decimal chain id and the EIP-55 checksummed address. */
export function formatTokenId(chainId: number, address: string): string {
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new Error(`invalid chain id ${chainId}`);
  return `eip155:${chainId}/erc20:${getAddress(address)}`;
}

/** Same chain and same contract, whatever the address case. */
export function sameToken(a: TokenId, b: TokenId): boolean {
  return a.chainId === b.chainId && a.address.toLowerCase() === b.address.toLowerCase();
}

function shapeTip(input: string): string | undefined {
  if (input.trim() !== input) return 'remove the spaces around it';
  if (/^0x[0-9a-fA-F]{40}$/.test(input)) return 'add the chain in front: eip155:<chainId>/erc20:<address>';
  const lower = input.replace(/^eip155:/i, 'eip155:').replace(/\/erc20:/i, '/erc20:');
  if (lower !== input && TOKEN_ID.test(lower)) return 'write "eip155" and "erc20" in lower case';
  if (/^eip155:0\d*\//.test(input)) return 'the chain id is a positive number without leading zeros';
  if (/^eip155:\d+\/(?!erc20:)[-a-z0-9]+:/.test(input)) return 'only ERC-20 tokens (erc20) can be personal tokens';
  return undefined;
}

function quote(s: string): string {
  const short = s.length > 100 ? `${s.slice(0, 100)}…` : s;
  return JSON.stringify(short);
}
