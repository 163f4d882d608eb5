import { decodeFunctionData } from 'viem';
import { expect, test } from 'vitest';
import { stakingRewardsAbi } from './abis';
import { impermanentLoss, lpEntryRecord } from './impermanentLoss';
import { burnSupply, lpPosition, protocolFeeLp, sqrtFloor, underlyingOf } from './lpPosition';
import { estimateSnapshotReward } from './snapshotProgram';
import { buildGetRewardCall, projectEarned, SECONDS_PER_YEAR, yearlyRateBps } from './stakingRewards';

const E18 = 10n ** 18n;
const pool = { tokenReserve: 1_000_000n * E18, quoteReserve: 100n * E18, lpSupply: 10n ** 22n };
const base = { chainId: 31337, pair: '0xpair', account: '0xme', blockNumber: 1n, timestamp: 0n, lp: 100n * E18 };

test('underlying amounts round down like burn; the position adds staked LP; value at spot is twice the ETH side', () => {
  expect(underlyingOf(1n, 3n, 2n)).toBe(1n);
  const p = lpPosition(
    {
      pair: '0x0000000000000000000000000000000000000001',
      ...pool,
      kLast: 0n,
      protocolFeeOn: false,
      lpInWallet: 100n * E18,
      staking: { staked: 50n * E18 } as never,
    },
    18,
  );
  expect(p).toMatchObject({
    lpTotal: 150n * E18,
    tokenAmount: 15_000n * E18,
    quoteAmount: 1_500_000_000_000_000_000n,
    shareE18: 15n * 10n ** 15n,
  });
  expect(p.valueWei).toBe(3n * E18);
});

test('integer square root rounds down, as Uniswap V2 Math.sqrt', () => {
  expect([0n, 1n, 2n, 3n, 4n, 8n, 9n, 10n].map(sqrtFloor)).toEqual([0n, 1n, 1n, 1n, 2n, 2n, 3n, 3n]);
  const big = 2n ** 224n - 1n; // the largest reserve0 × reserve1 (uint112 each)
  const r = sqrtFloor(big);
  expect(r * r <= big && (r + 1n) * (r + 1n) > big).toBe(true);
  expect(sqrtFloor(10n ** 44n)).toBe(10n ** 22n);
});

test('protocol fee: burn first mints supply × (√k − √kLast) / (5√k + √kLast) to feeTo, and pays from the larger supply', () => {
  // k grew from 100·100 to 121·121 (√k 100 → 121): 1000 × 21 / (605 + 100) = 29.78 → 29 LP minted.
  const grown = { tokenReserve: 121n, quoteReserve: 121n, lpSupply: 1_000n, kLast: 100n * 100n };
  expect(protocolFeeLp({ ...grown, protocolFeeOn: true })).toBe(29n);
  expect(burnSupply({ ...grown, protocolFeeOn: true })).toBe(1_029n);
  // Fee off (feeTo unset), or never on since the last mint/burn (kLast 0), or k not grown: nothing minted.
  expect(protocolFeeLp({ ...grown, protocolFeeOn: false })).toBe(0n);
  expect(protocolFeeLp({ ...grown, protocolFeeOn: true, kLast: 0n })).toBe(0n);
  expect(protocolFeeLp({ ...grown, protocolFeeOn: true, kLast: 121n * 121n })).toBe(0n);
  const reading = {
    pair: '0x0000000000000000000000000000000000000001' as const,
    ...grown,
    protocolFeeOn: true,
    lpInWallet: 100n,
    staking: null,
  };
  expect(lpPosition(reading, 18)).toMatchObject({
    tokenAmount: (100n * 121n) / 1_029n,
    quoteAmount: 11n,
    shareE18: (100n * 10n ** 18n) / 1_029n,
  });
  expect(lpPosition({ ...reading, protocolFeeOn: false }, 18)).toMatchObject({ tokenAmount: 12n, quoteAmount: 12n });
});

test('impermanent loss matches 2·√r/(1+r) − 1 for a constant-product pool without fees', () => {
  const entry = lpEntryRecord(base, pool);
  expect(impermanentLoss(entry, base.lp, pool, 18)?.changeBps).toBe(0);
  // Price ×4 (k constant): token reserve halves, ETH doubles. 2·2/5 − 1 = −20%.
  const after = { tokenReserve: pool.tokenReserve / 2n, quoteReserve: pool.quoteReserve * 2n, lpSupply: pool.lpSupply };
  expect(impermanentLoss(entry, base.lp, after, 18)).toMatchObject({ changeBps: -2000, lpValueWei: 4n * E18, holdValueWei: 5n * E18 });
  // Price ÷4: same loss either way.
  expect(
    impermanentLoss(entry, base.lp, { ...after, tokenReserve: pool.tokenReserve * 2n, quoteReserve: pool.quoteReserve / 2n }, 18)
      ?.changeBps,
  ).toBe(-2000);
  // Half the LP removed since: measured on what is left. No LP: nothing to say.
  expect(impermanentLoss(entry, base.lp / 2n, after, 18)).toMatchObject({ changeBps: -2000, lpValueWei: 2n * E18 });
  expect(impermanentLoss(entry, 0n, after, 18)).toBeNull();
});

test('yearly rate: reward per year valued over what is staked, 0 after the period, bigint throughout', () => {
  const staking = { rewardRate: (1_000n * E18) / SECONDS_PER_YEAR, periodFinish: 100n, totalStaked: 1n };
  // ~1,000 tokens a year at 0.01 ETH each = ~10 ETH a year over 100 ETH staked: ~10%.
  expect(yearlyRateBps({ staking, now: 50n, rewardPriceEthE18: E18 / 100n, rewardDecimals: 18, totalStakedValueWei: 100n * E18 })).toBe(
    999n,
  );
  expect(yearlyRateBps({ staking, now: 100n, rewardPriceEthE18: E18, rewardDecimals: 18, totalStakedValueWei: E18 })).toBe(0n);
  expect(yearlyRateBps({ staking, now: 1n, rewardPriceEthE18: E18, rewardDecimals: 18, totalStakedValueWei: 0n })).toBeNull();
});

test('projected earned follows rewardPerToken: accrues until periodFinish, then stops', () => {
  const s = {
    staked: 50n,
    totalStaked: 200n,
    rewardRate: 4n * E18,
    periodFinish: 1_100n,
    lastUpdateTime: 1_000n,
    rewardPerTokenStored: 0n,
    userRewardPerTokenPaid: 0n,
    rewards: 7n,
  } as never;
  expect(projectEarned(s, 1_000n)).toBe(7n);
  expect(projectEarned(s, 1_010n)).toBe(10n * E18 + 7n); // 10 s × 4/s × 50/200
  expect(projectEarned(s, 5_000n)).toBe(100n * E18 + 7n);
});

test('snapshot estimate: the amount × the average of the two shares (devnet: 100 → 150 LP of 10^22 → 1,250 ALEX)', () => {
  const supply = 10n ** 22n;
  expect(
    estimateSnapshotReward(100_000n * E18, { holderLp: 100n * E18, lpSupply: supply }, { holderLp: 150n * E18, lpSupply: supply }),
  ).toBe(1_250n * E18);
  expect(estimateSnapshotReward(90n, { holderLp: 1n, lpSupply: 3n }, { holderLp: 1n, lpSupply: 2n })).toBe(37n); // 90 × (1/3 + 1/2) / 2 = 37.5
  expect(estimateSnapshotReward(1n, { holderLp: 0n, lpSupply: 0n }, { holderLp: 0n, lpSupply: 1n })).toBe(0n);
});

test('buildGetRewardCall', () => {
  const call = buildGetRewardCall('0x59b670e9fa9d0a427751af201d676719a970857b');
  expect(call.to).toBe('0x59b670e9fA9D0A427751Af201D676719a970857b');
  expect(decodeFunctionData({ abi: stakingRewardsAbi, data: call.data }).functionName).toBe('getReward');
});
