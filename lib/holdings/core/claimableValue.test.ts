import { expect, test } from 'vitest';
import type { IncomeRow, RoundView } from '@/lib/db/rows';
import type { HoldingView } from './holdingView';
import { claimableAcrossCreators, valueOfClaims } from './claimableValue';

const E18 = 10n ** 18n;
const round = (over: Partial<RoundView>): RoundView => ({
  id: 'r',
  title: 'R',
  date: '2021-04-01',
  status: 'claimable',
  amount: (1_250n * E18).toString(),
  tokenSymbol: 'ALEX',
  tokenDecimals: 18,
  paidInCreatorToken: true,
  message: null,
  ...over,
});
const row = (tokenId: string, rounds: RoundView[]): IncomeRow => ({
  account: '0xa',
  tokenId,
  rounds,
  positions: [],
  programs: [],
  blockNumber: '1',
  fetchedAt: 1,
});

test('claimable income is valued per creator and summed; other tokens and claimed rounds are not', () => {
  const views = new Map([
    ['alex', { priceUsdE18: 3n * 10n ** 17n, priceEthE18: 10n ** 14n } as HoldingView],
    ['mike', { priceUsdE18: 75n * 10n ** 16n, priceEthE18: 25n * 10n ** 13n } as HoldingView],
  ]);
  const income = [
    row('alex', [round({}), round({ status: 'claimed' }), round({ paidInCreatorToken: false, tokenSymbol: 'PRTNR' })]),
    row('mike', [round({ amount: (100n * E18).toString() })]),
  ];
  // 1,250 × $0.30 + 100 × $0.75; in ETH 1,250 × 0.0001 + 100 × 0.00025
  expect(claimableAcrossCreators(income, views)).toEqual({ usdE18: 450n * E18, wei: 15n * 10n ** 16n, rounds: 3, unpricedRounds: 1 });
});

test('claims are valued at their creator price; another token or a creator without a USD price is counted apart', () => {
  const views = new Map([
    ['alex', { priceUsdE18: 3n * 10n ** 17n, priceEthE18: 10n ** 14n } as HoldingView],
    ['unpriced', { priceUsdE18: null, priceEthE18: null } as HoldingView],
  ]);
  const claim = (tokenId: string, amount: bigint, paidInCreatorToken = true) => ({
    tokenId,
    amount: amount * E18,
    decimals: 18,
    paidInCreatorToken,
  });
  // 25,000 + 30,000 ALEX at $0.30 (0.0001 ETH); the PRTNR round and the creator with no price add nothing
  expect(
    valueOfClaims([claim('alex', 25_000n), claim('alex', 30_000n), claim('alex', 5_000n, false), claim('unpriced', 10n)], views),
  ).toEqual({ usdE18: 16_500n * E18, wei: (55n * E18) / 10n, unpriced: 2 });
  expect(valueOfClaims([], views)).toEqual({ usdE18: 0n, wei: 0n, unpriced: 0 });
});
