import type { ChainClient } from '@/lib/chain/createChainClient';
import type { Abi, Address, ContractFunctionParameters } from 'viem';

// A read plan is a list of contract reads plus a decoder for exactly those outcomes. Plans are
// concatenated into one Multicall3 read (allowFailure; aggregate3 calls of at most 500 reads sent
// as one JSON-RPC batch at one block, see readChainSnapshot.ts), so income, LP and
// staking reads ride in the same request as readChainSnapshot's balances and reserves:
// readChainSnapshot appends a plan's reads after its own and hands the plan its slice of outcomes.

export interface ContractRead {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

/** What viem's multicall returns per call with allowFailure: true. */
export type ReadOutcome = { status: 'success'; result: unknown } | { status: 'failure'; error: Error };

export interface ReadPlan<T> {
  reads: ContractRead[];
  decode(outcomes: readonly ReadOutcome[]): T;
}

export function outcomeValue<T>(outcome: ReadOutcome | undefined): T | null {
  return outcome?.status === 'success' ? (outcome.result as T) : null;
}

type Decoded<P> = { [K in keyof P]: P[K] extends ReadPlan<infer T> ? T : never };

/** Several plans as one: reads in order, each decoder handed its own slice. */
export function combinePlans<P extends readonly ReadPlan<unknown>[]>(...plans: P): ReadPlan<Decoded<P>> {
  return {
    reads: plans.flatMap((p) => p.reads),
    decode(outcomes) {
      let at = 0;
      return plans.map((p) => {
        const mine = outcomes.slice(at, at + p.reads.length);
        at += p.reads.length;
        return p.decode(mine);
      }) as Decoded<P>;
    },
  };
}

/** Runs a plan as one eth_call (optionally at a past block, e.g. a snapshot program's). */
export async function runReadPlan<T>(client: ChainClient, multicall3: Address, plan: ReadPlan<T>, blockNumber?: bigint): Promise<T> {
  if (plan.reads.length === 0) return plan.decode([]);
  // Reads of several ABIs in one call: viem checks each against the general shape only.
  const contracts: readonly ContractFunctionParameters[] = plan.reads;
  const outcomes = await client.multicall({ contracts, allowFailure: true, batchSize: 0, multicallAddress: multicall3, blockNumber });
  return plan.decode(outcomes);
}
