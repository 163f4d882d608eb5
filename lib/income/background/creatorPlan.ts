import type { Address } from 'viem';
import type { ChainConfig } from '@/lib/chain/types';
import type { RoundView } from '@/lib/db/rows';
import { combinePlans, type ReadPlan } from '@/lib/income/core';
import { planLpReads, type LpReading } from '@/lib/lp/core';
import { stakingOfPair } from '@/lib/protocol/pairStaking';
import { incomePlan, type CreatorIncomeInput } from './incomeRounds';

export interface CreatorReading {
  rounds: RoundView[];
  /** One per manifest pair, in order. */
  pairs: (LpReading | null)[];
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
  const combined = combinePlans(incomePlan(input, account), pairs);
  return {
    reads: combined.reads,
    decode: (outcomes) => {
      const [rounds, lp] = combined.decode(outcomes);
      return { rounds, pairs: lp };
    },
  };
}
