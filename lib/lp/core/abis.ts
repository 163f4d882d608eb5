import { parseAbi } from 'viem';

/** Uniswap liquidity-staker's StakingRewards: what the companion reads, and the collect call. */
export const stakingRewardsAbi = parseAbi([
  'function balanceOf(address account) view returns (uint256)',
  'function earned(address account) view returns (uint256)',
  'function rewardRate() view returns (uint256)',
  'function periodFinish() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function rewardPerTokenStored() view returns (uint256)',
  'function lastUpdateTime() view returns (uint256)',
  'function userRewardPerTokenPaid(address account) view returns (uint256)',
  'function rewards(address account) view returns (uint256)',
  'function rewardsToken() view returns (address)',
  'function stakingToken() view returns (address)',
  'function getReward()',
]);

/** The protocol-fee switch of Uniswap V2: the pair's kLast and factory, and the factory's feeTo. */
export const uniswapV2FeeAbi = parseAbi([
  'function kLast() view returns (uint256)',
  'function factory() view returns (address)',
  'function feeTo() view returns (address)',
]);
