import type { Address } from 'viem';
import type { ChainConfig } from '@/lib/chain/types';
import type { RoundView } from '@/lib/db/rows';
import { combinePlans, type ReadPlan } from '@/lib/income/core';
import { planLpReads, planSnapshotReads, type LpReading, type SnapshotHolding } from '@/lib/lp/core';
import { stakingOfPair } from '@/lib/protocol/pairStaking';
import { incomePlan, type CreatorIncomeInput } from './incomeRounds';

export interface CreatorReading {
  rounds: RoundView[];
  /** One per manifest pair, in order. */
  pairs: (LpReading | null)[];
  /** One per snapshot reward program, in manifest order: the holder's LP at the refresh's block. */
  programs: (SnapshotHolding | null)[];
}

/** Everything of one creator's income and liquidity that rides in the refresh's multicall. */
export function creatorPlan(input: CreatorIncomeInput, chain: ChainConfig, account: Address): ReadPlan<CreatorReading> {
  const pairs = planLpReads(
    input.manifest.pairs.map((p) => ({
      pair: p.address,
      token: input.token,
      quote: chain.uniswapV2.weth,
      factory: chain.uniswapV2.factory,
      staking: stakingOfPair(input.manifest, p.address),
    })),
    account,
  );
  // A running snapshot program's "end" reading is the current block: it rides in this multicall,
  // and its past readings come from the stored row (see programViews).
  const programs = combinePlans(
    ...input.manifest.rewards
      .filter((r) => r.kind === 'snapshot')
      .map((r) => planSnapshotReads(r.pair, account, stakingOfPair(input.manifest, r.pair))),
  );
  const combined = combinePlans(incomePlan(input, account), pairs, programs);
  return {
    reads: combined.reads,
    decode: (outcomes) => {
      const [rounds, lp, snapshots] = combined.decode(outcomes);
      return { rounds, pairs: lp, programs: snapshots };
    },
  };
}
