import { describe, expect, test } from 'vitest';
import { changeInBasisPoints, ethPriceInUsdE18, ethToUsdE18, tokenPriceInEthE18, valueInWei } from './valuation';

const E18 = 10n ** 18n;

describe('valuation', () => {
  test('price of a token from a 1,000,000 ALEX : 100 ETH pool is 0.0001 ETH', () => {
    expect(tokenPriceInEthE18({ tokenReserve: 1_000_000n * E18, wethReserve: 100n * E18 }, 18)).toBe(E18 / 10_000n);
  });

  test('token decimals other than 18 are scaled, not ignored', () => {
    // 1,000 tokens with 6 decimals against 2 ETH: 0.002 ETH each.
    expect(tokenPriceInEthE18({ tokenReserve: 1_000n * 10n ** 6n, wethReserve: 2n * E18 }, 6)).toBe(2n * 10n ** 15n);
  });

  test('ETH/USD from a 1,000 ETH : 3,000,000 USDC pool is 3,000', () => {
    expect(ethPriceInUsdE18({ wethReserve: 1_000n * E18, stableReserveE18: 3_000_000n * E18 })).toBe(3_000n * E18);
  });

  test('12,500 ALEX at 0.0001 ETH is 1.25 ETH, which is 3,750 USD at 3,000', () => {
    const value = valueInWei(12_500n * E18, 18, E18 / 10_000n);
    expect(value).toBe(125n * 10n ** 16n);
    expect(ethToUsdE18(value, 3_000n * E18)).toBe(3_750n * E18);
  });

  test('empty pools price at zero instead of dividing by zero', () => {
    expect(tokenPriceInEthE18({ tokenReserve: 0n, wethReserve: 5n }, 18)).toBe(0n);
    expect(ethPriceInUsdE18({ wethReserve: 0n, stableReserveE18: 5n })).toBe(0n);
  });

  test('change in basis points, with no base meaning no change to show', () => {
    expect(changeInBasisPoints(100n, 125n)).toBe(2_500);
    expect(changeInBasisPoints(200n, 150n)).toBe(-2_500);
    expect(changeInBasisPoints(0n, 150n)).toBeNull();
  });
});
