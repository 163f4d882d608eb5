import type { Address } from 'viem';

/**
 * Balance reads per Multicall3 call. 500 `balanceOf` calls make about 120 KB of calldata (240 KB
 * as hex in the JSON body) and cost about 4 M gas when every token is cold: inside what common
 * public endpoints accept (bodies of 1 MB and more, `eth_call` gas caps of 50 M and more) with room
 * to spare, and few enough calls that a 5,000-token list is 10 requests, not 5,000.
 */
export const MAX_BALANCE_READS_PER_CALL = 500;

export interface ListedOnChain {
  chainId: number;
  address: Address;
}

/** The listed tokens of the chains this build reads, per chain, in chunks of at most `size`. */
export function discoveryChunks<T extends ListedOnChain>(
  listed: readonly T[],
  readChains: readonly number[],
  size = MAX_BALANCE_READS_PER_CALL,
): Map<number, T[][]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('chunk size must be a positive integer');
  const read = new Set(readChains);
  const byChain = new Map<number, T[]>();
  for (const token of listed) {
    if (!read.has(token.chainId)) continue;
    byChain.set(token.chainId, [...(byChain.get(token.chainId) ?? []), token]);
  }
  const out = new Map<number, T[][]>();
  for (const [chainId, tokens] of byChain) {
    const chunks: T[][] = [];
    for (let i = 0; i < tokens.length; i += size) chunks.push(tokens.slice(i, i + size));
    out.set(chainId, chunks);
  }
  return out;
}

/** Held first by value (unknown values last), then by balance-free name, so the order is stable. */
export function byValueThenName<T extends { valueUsdE18: bigint | null; name: string }>(a: T, b: T): number {
  if (a.valueUsdE18 !== b.valueUsdE18) {
    if (a.valueUsdE18 === null) return 1;
    if (b.valueUsdE18 === null) return -1;
    return a.valueUsdE18 > b.valueUsdE18 ? -1 : 1;
  }
  return a.name.localeCompare(b.name);
}
