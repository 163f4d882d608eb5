import { describe, expect, test } from 'vitest';
import { formatMoney, formatMoneyPair, moneyFromUsd, moneyFromWei, sumMoney } from './money';

const E18 = 10n ** 18n;
const ETH_USD = 3_000n * E18; // the devnet's WETH/USDC pool price

describe('display currency', () => {
  test('a value in both units shows in the chosen one, the other beside it', () => {
    const value = moneyFromWei(125n * 10n ** 16n, ETH_USD); // 1.25 ETH
    expect(value.usdE18).toBe(3_750n * E18);
    expect(formatMoney(value, 'USD', 'en-US')).toBe('$3,750.00');
    expect(formatMoney(value, 'ETH', 'en-US')).toBe('1.25 ETH');
    expect(formatMoneyPair(value, 'USD', 'en-US')).toEqual({ main: '$3,750.00', aside: '1.25 ETH' });
    expect(formatMoneyPair(value, 'ETH', 'en-US')).toEqual({ main: '1.25 ETH', aside: '$3,750.00' });
  });

  test('in ETH a USD figure is divided by the same ETH/USD price', () => {
    const value = moneyFromUsd(7_500n * E18, ETH_USD);
    expect(value.wei).toBe(25n * 10n ** 17n);
    expect(formatMoney(value, 'ETH', 'en-US')).toBe('2.5 ETH');
    // A small price keeps its digits: $0.30 at $3,000 per ETH.
    expect(formatMoney(moneyFromUsd(3n * 10n ** 17n, ETH_USD), 'ETH', 'en-US')).toBe('0.0001 ETH');
  });

  test('a unit that is not known falls back to the other; neither gives null', () => {
    const noUsdPool = moneyFromWei(E18, null);
    expect(noUsdPool.usdE18).toBeNull();
    expect(formatMoney(noUsdPool, 'USD', 'en-US')).toBe('1 ETH');
    expect(formatMoneyPair(noUsdPool, 'USD', 'en-US')).toEqual({ main: '1 ETH', aside: null });
    expect(formatMoney(moneyFromUsd(E18, null), 'ETH', 'en-US')).toBe('$1.00');
    expect(formatMoney({ usdE18: null, wei: null }, 'ETH')).toBeNull();
  });

  test('sums per unit, over what is known', () => {
    const total = sumMoney([moneyFromWei(E18, ETH_USD), moneyFromWei(E18 / 2n, null), { usdE18: null, wei: null }]);
    expect(total).toEqual({ usdE18: 3_000n * E18, wei: (3n * E18) / 2n });
    expect(sumMoney([])).toEqual({ usdE18: null, wei: null });
  });

  test('formats for the locale', () => {
    expect(formatMoney(moneyFromWei(1_234_500n * 10n ** 15n, ETH_USD), 'ETH', 'de-DE')).toBe('1.234,5 ETH');
  });
});
