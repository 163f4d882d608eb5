import { getAddress, type Address } from 'viem';
import { uniswapV2PairAbi } from '../../chain/abis';
import { outcomeValue, type ContractRead, type ReadPlan } from '../../chain/readPlan';
import { stakingRewardsAbi } from './abis';

// A snapshot program (Alex's liquidity mining: a snapshot at the start and at the end, the amount
// shared pro rata). The estimate, stated in the popup as one:
//   reward = amount × (lpStart / supplyStart + lpEnd / supplyEnd) / 2
// where lp is the holder's LP in the wallet plus staked in the pair's StakingRewards (staked LP
// is still liquidity the holder provides) and supply is the pair's totalSupply, each read at that
// block. Before the end block, the current block stands in for it. Rounded down, in bigint.

export interface SnapshotHolding {
  holderLp: bigint;
  lpSupply: bigint;
}

/** What to read at one snapshot block (run with runReadPlan(..., blockNumber)); past blocks never change, so cache the answer. */
export function planSnapshotReads(pair: Address, account: Address, staking?: Address): ReadPlan<SnapshotHolding | null> {
  const reads: ContractRead[] = [
    { address: getAddress(pair), abi: uniswapV2PairAbi, functionName: 'balanceOf', args: [account] },
    { address: getAddress(pair), abi: uniswapV2PairAbi, functionName: 'totalSupply' },
  ];
  if (staking) reads.push({ address: getAddress(staking), abi: stakingRewardsAbi, functionName: 'balanceOf', args: [account] });
  return {
    reads,
    decode(outcomes) {
      const [wallet, lpSupply] = [outcomeValue<bigint>(outcomes[0]), outcomeValue<bigint>(outcomes[1])];
      // No staking contract yet at that block (deployed later) reads as nothing staked.
      const staked = staking ? (outcomeValue<bigint>(outcomes[2]) ?? 0n) : 0n;
      if (wallet === null || lpSupply === null) return null;
      return { holderLp: wallet + staked, lpSupply };
    },
  };
}

export function estimateSnapshotReward(amount: bigint, start: SnapshotHolding, end: SnapshotHolding): bigint {
  if (start.lpSupply === 0n || end.lpSupply === 0n) return 0n;
  return (amount * (start.holderLp * end.lpSupply + end.holderLp * start.lpSupply)) / (2n * start.lpSupply * end.lpSupply);
}
