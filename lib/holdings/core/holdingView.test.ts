import { describe, expect, test } from 'vitest';
import type { HoldingRow, HoldingValues } from '@/lib/db/rows';
import { toHoldingView, totalMoney, totalUsdE18, valuedOnlyInOther } from './holdingView';

const E18 = 10n ** 18n;
const values = (over: Partial<HoldingValues>): HoldingValues => ({
  balance: (12_500n * E18).toString(),
  decimals: 18,
  symbol: 'ALEX',
  name: 'Alex Masmej',
  priceEthE18: (E18 / 10_000n).toString(),
  ethUsdE18: (3_000n * E18).toString(),
  valueWei: (125n * 10n ** 16n).toString(),
  blockNumber: '10',
  blockTimestamp: 1,
  fetchedAt: 5,
  ...over,
});
const row = (latest: HoldingValues, looked: HoldingValues | null): HoldingRow => ({
  account: '0xabc',
  tokenId: 't',
  chainId: 1,
  latest,
  looked,
});

describe('holding view', () => {
  test('values in ETH and USD from the stored reading', () => {
    const view = toHoldingView(row(values({}), null));
    expect(view.valueUsdE18).toBe(3_750n * E18);
    expect(view.priceUsdE18).toBe(3n * 10n ** 17n);
    expect(view.changeBasisPoints).toBeNull();
    expect(view.blockNumber).toBe(10n);
  });

  test('change since last look compares dollar values, so an ETH move counts too', () => {
    const before = values({ ethUsdE18: (2_000n * E18).toString() });
    expect(toHoldingView(row(values({}), before)).changeBasisPoints).toBe(5_000);
  });

  test('without a balance the change is the price change', () => {
    const latest = values({ balance: null, valueWei: null, priceEthE18: ((2n * E18) / 10_000n).toString() });
    const looked = values({ balance: null, valueWei: null });
    expect(toHoldingView(row(latest, looked)).changeBasisPoints).toBe(10_000);
  });

  test('no pool means no price and no value, not zero', () => {
    const view = toHoldingView(row(values({ priceEthE18: null, valueWei: null }), null));
    expect(view.valueUsdE18).toBeNull();
    expect(view.priceUsdE18).toBeNull();
    expect(totalUsdE18([view, toHoldingView(row(values({}), null))])).toBe(3_750n * E18);
  });

  test('no ETH/USD price on the chain: the value is in ETH only, and the change since last look is in ETH', () => {
    const noUsd = (priceEthE18: bigint) =>
      values({ ethUsdE18: null, priceEthE18: priceEthE18.toString(), valueWei: (12_500n * priceEthE18).toString() });
    const view = toHoldingView(row(noUsd(E18 / 10_000n), noUsd(E18 / 20_000n)));
    expect(view.valueWei).toBe(125n * 10n ** 16n);
    expect(view.valueUsdE18).toBeNull();
    expect(view.priceUsdE18).toBeNull();
    expect(view.noUsdPrice).toBe(true);
    expect(view.changeBasisPoints).toBe(10_000);
  });

  test('no ETH/USD price, USD price kept from a stablecoin pool: USD value from it, no ETH value invented', () => {
    const latest = values({ ethUsdE18: null, priceEthE18: null, valueWei: null, priceUsdE18: (E18 / 2n).toString() });
    const view = toHoldingView(row(latest, null));
    expect(view.priceUsdE18).toBe(E18 / 2n);
    expect(view.valueUsdE18).toBe(6_250n * E18);
    expect(view.valueWei).toBeNull();
  });

  test('a total in USD leaves out a holding valued in ETH only, and says how many; in ETH it counts them all', () => {
    const both = toHoldingView(row(values({}), null)); // 1.25 ETH, $3,750
    const ethOnly = toHoldingView(row(values({ ethUsdE18: null, valueWei: (E18 / 2n).toString() }), null));
    expect(totalMoney([both, ethOnly])).toEqual({ usdE18: 3_750n * E18, wei: 175n * 10n ** 16n });
    expect(valuedOnlyInOther([both, ethOnly], 'USD')).toBe(1);
    expect(valuedOnlyInOther([both, ethOnly], 'ETH')).toBe(0);
  });
});
