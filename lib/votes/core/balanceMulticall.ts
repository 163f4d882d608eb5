import type { Address, Hex } from 'viem';

// Multicall3 `aggregate3` of `balanceOf(holder)` calls, encoded and decoded by hand. Why not viem:
// its cheapest path (selector prepared once, encodeAbiParameters per holder, one
// encodeFunctionData / decodeFunctionResult per chunk) measured ~700 ms of the tallying thread for
// 10,000 voters in the bench's CPU profile: every address goes through isAddress and its LRU
// cache, which thrashes at 10,000 distinct holders, and every word through generic concatenation.
// The ABI here is fixed (Multicall3's aggregate3, ERC-20's balanceOf), the layout a few words; the
// unit tests hold both functions to viem's encodeFunctionData / decodeFunctionResult byte for byte.

const AGGREGATE3 = '82ad56cb'; // aggregate3((address,bool,bytes)[])
const BALANCE_OF = '70a08231'; // balanceOf(address)
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const word = (n: number) => n.toString(16).padStart(64, '0');
const ZERO_TAIL = '0'.repeat(56); // 36 bytes of calldata padded to 64
const TUPLE_BYTES = 192; // target, allowFailure, offset, length: 4 words; 36 bytes of calldata padded to 64

export interface BalanceCall {
  /** The ERC-20 (or LP token) asked. */
  token: Address;
  holder: Address;
}

/** The calldata of `aggregate3` with `allowFailure: true` for each `token.balanceOf(holder)`. */
export function encodeBalanceCalls(calls: readonly BalanceCall[]): Hex {
  const parts: string[] = ['0x', AGGREGATE3, word(32), word(calls.length)];
  for (let i = 0; i < calls.length; i++) parts.push(word(32 * calls.length + i * TUPLE_BYTES));
  const yes = word(1);
  const at = word(96);
  const length = word(36);
  for (const { token, holder } of calls) {
    if (!ADDRESS.test(token) || !ADDRESS.test(holder)) throw new TypeError(`not an address: ${token} / ${holder}`);
    parts.push('000000000000000000000000', token.slice(2).toLowerCase(), yes, at, length, BALANCE_OF);
    parts.push('000000000000000000000000', holder.slice(2).toLowerCase(), ZERO_TAIL);
  }
  const out = parts.join('');
  return isHex(out) ? out : '0x';
}

const isHex = (s: string): s is Hex => s.startsWith('0x');

/**
 * The balances `aggregate3` returned, one per call: null where the call failed or returned fewer
 * than 32 bytes (viem's multicall reads those as failures too). Throws when the answer is not an
 * aggregate3 result for `count` calls.
 */
export function decodeBalanceResults(data: Hex, count: number): (bigint | null)[] {
  const hex = data.slice(2);
  const wordAt = (byte: number): number => {
    const w = hex.slice(byte * 2, byte * 2 + 64);
    if (w.length !== 64 || !/^[0-9a-fA-F]+$/.test(w)) throw new RangeError('aggregate3 result: out of bounds');
    const n = Number.parseInt(w, 16);
    if (!Number.isSafeInteger(n)) throw new RangeError('aggregate3 result: offset too large');
    return n;
  };
  const array = wordAt(0);
  if (wordAt(array) !== count) throw new RangeError(`aggregate3 result: ${wordAt(array)} results for ${count} calls`);
  const base = array + 32;
  const out: (bigint | null)[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const tuple = base + wordAt(base + 32 * i);
    const success = hex.slice(tuple * 2, tuple * 2 + 64);
    const bytes = tuple + wordAt(tuple + 32);
    const length = wordAt(bytes);
    if (hex.length < (bytes + 32 + length) * 2) throw new RangeError('aggregate3 result: out of bounds');
    const ok = /[1-9a-fA-F]/.test(success);
    out[i] = ok && length >= 32 ? BigInt(`0x${hex.slice((bytes + 32) * 2, (bytes + 64) * 2)}`) : null;
  }
  return out;
}
