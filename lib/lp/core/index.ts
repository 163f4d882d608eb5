// LP positions and liquidity rewards for Uniswap V2 pairs. Pure; the background wires the I/O.
export { stakingRewardsAbi, uniswapV2FeeAbi } from './abis';
export { impermanentLoss, lpEntryRecord, type ImpermanentLoss, type LpEntryRecord, type PoolNow } from './impermanentLoss';
export { burnSupply, lpPosition, protocolFeeLp, sqrtFloor, underlyingOf, type LpPosition } from './lpPosition';
export { planLpReads, type LpPairInput, type LpReading, type StakingReading } from './lpReads';
export { estimateSnapshotReward, planSnapshotReads, type SnapshotHolding } from './snapshotProgram';
export { SECONDS_PER_YEAR, buildGetRewardCall, projectEarned, yearlyRateBps, type YearlyRateParameters } from './stakingRewards';
