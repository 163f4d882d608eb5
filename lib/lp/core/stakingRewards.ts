import { encodeFunctionData, getAddress, type Address } from 'viem';
import type { ContractCall } from '../../income/core/buildClaimCall';
import { stakingRewardsAbi } from './abis';
import type { StakingReading } from './lpReads';

const E18 = 10n ** 18n;
export const SECONDS_PER_YEAR = 365n * 86_400n;

/**
 * `earned(account)` as StakingRewards will compute it at `timestamp` (e.g. the next block's), from
 * the same state the multicall read: rewardPerToken() then earned(), same integer divisions.
 */
export function projectEarned(s: StakingReading, timestamp: bigint): bigint {
  const applicable = timestamp < s.periodFinish ? timestamp : s.periodFinish;
  const rewardPerToken =
    s.totalStaked === 0n || applicable <= s.lastUpdateTime
      ? s.rewardPerTokenStored
      : s.rewardPerTokenStored + ((applicable - s.lastUpdateTime) * s.rewardRate * E18) / s.totalStaked;
  return (s.staked * (rewardPerToken - s.userRewardPerTokenPaid)) / E18 + s.rewards;
}

export interface YearlyRateParameters {
  staking: Pick<StakingReading, 'rewardRate' | 'periodFinish' | 'totalStaked'>;
  now: bigint;
  /** Price of one whole reward token in wei (×1e18), and its decimals. */
  rewardPriceEthE18: bigint;
  rewardDecimals: number;
  /** Value in wei of all the LP staked in the contract (lpPosition's math on totalStaked). */
  totalStakedValueWei: bigint;
}

/**
 * Simple yearly rate in basis points: the reward paid per year at today's rate, valued at today's
 * price, over the value staked. An estimate: the rate is only paid until periodFinish, and both
 * prices move. Zero once the period has ended; null when nothing is staked to compare with.
 */
export function yearlyRateBps(p: YearlyRateParameters): bigint | null {
  if (p.now >= p.staking.periodFinish) return 0n;
  if (p.totalStakedValueWei === 0n) return null;
  const perYearWei = (p.staking.rewardRate * SECONDS_PER_YEAR * p.rewardPriceEthE18) / 10n ** BigInt(p.rewardDecimals);
  return (perYearWei * 10_000n) / p.totalStakedValueWei;
}

/** `getReward()` on the manifest's StakingRewards: pays everything earned to the sender. */
export function buildGetRewardCall(staking: Address): ContractCall {
  return { to: getAddress(staking), data: encodeFunctionData({ abi: stakingRewardsAbi, functionName: 'getReward' }) };
}
