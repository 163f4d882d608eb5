import { decodeErrorResult, decodeFunctionResult, encodeFunctionData, getAddress, parseAbi, type Address, type Hex } from 'viem';
import { buildClaimCall, type ContractCall } from './buildClaimCall';
import type { VerifiedClaim } from './verifyClaimProof';

// Claim everything in one transaction. MerkleDistributor.claim pays `account` whoever sends it,
// so the claims can ride in one Multicall3 `aggregate3` call, each with allowFailure: a round
// claimed by someone else between the preview and the block fails alone and the rest land.

export const multicall3WriteAbi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);

/** One claimable round, its proof already checked against the root read from the chain. */
export interface BatchRound {
  tokenId: string;
  roundId: string;
  title: string;
  distributor: Address;
  /** The token the round pays (lower-case or checksummed). */
  token: Address;
  claim: VerifiedClaim;
}

/** The per-round calls, in the order of `rounds` (for an EIP-5792 `wallet_sendCalls` batch). */
export function claimCalls(rounds: readonly BatchRound[]): ContractCall[] {
  return rounds.map((r) => buildClaimCall(r.distributor, r.claim));
}

/** `aggregate3` on Multicall3 with every round's claim, each allowed to fail alone. */
export function buildClaimAllCall(multicall3: Address, rounds: readonly BatchRound[]): ContractCall {
  const calls = claimCalls(rounds).map((c) => ({ target: c.to, allowFailure: true, callData: c.data }));
  return { to: getAddress(multicall3), data: encodeFunctionData({ abi: multicall3WriteAbi, functionName: 'aggregate3', args: [calls] }) };
}

export type CallOutcome = { ok: true } | { ok: false; reason: string };

/** What each round's call would do, from the raw result of simulating `aggregate3`. */
export function decodeClaimAllResult(result: Hex, count: number): CallOutcome[] {
  const decoded = decodeFunctionResult({ abi: multicall3WriteAbi, functionName: 'aggregate3', data: result });
  if (decoded.length !== count) throw new Error(`aggregate3 returned ${decoded.length} results for ${count} calls`);
  return decoded.map((r) => (r.success ? { ok: true } : { ok: false, reason: revertReason(r.returnData) }));
}

/** A revert's data in words: `Error(string)`'s text (MerkleDistributor uses these), or a fallback. */
export function revertReason(data: Hex): string {
  if (data === '0x') return 'the call reverted without a reason';
  try {
    const { errorName, args } = decodeErrorResult({ data, abi: [] });
    if (errorName === 'Error' && typeof args?.[0] === 'string') return args[0];
    if (errorName === 'Panic') return `the contract panicked (code ${String(args?.[0])})`;
    return errorName;
  } catch {
    return 'the call reverted with an unknown error';
  }
}

export interface TokenTotal {
  token: Address;
  amount: bigint;
}

/** Sum per paid token (rounds may pay different tokens), in first-seen order. */
export function totalsByToken(rounds: readonly Pick<BatchRound, 'token' | 'claim'>[]): TokenTotal[] {
  const totals = new Map<string, TokenTotal>();
  for (const r of rounds) {
    const key = r.token.toLowerCase();
    const entry = totals.get(key) ?? { token: getAddress(r.token), amount: 0n };
    entry.amount += r.claim.amount;
    totals.set(key, entry);
  }
  return [...totals.values()];
}
