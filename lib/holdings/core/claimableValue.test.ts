import { expect, test } from 'vitest';
import type { IncomeRow, RoundView } from '@/lib/db/rows';
import type { HoldingView } from './holdingView';
import { claimableAcrossCreators } from './claimableValue';

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
