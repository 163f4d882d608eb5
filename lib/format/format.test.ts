import { describe, expect, test } from 'vitest';
import {
  formatAge,
  formatChange,
  formatUntil,
  formatEthE18,
  formatTokenAmount,
  formatTokenAmountExact,
  formatUsdE18,
  shortAddress,
} from './format';

const E18 = 10n ** 18n;

describe('format', () => {
  test('token amounts keep precision and group digits for the locale', () => {
    expect(formatTokenAmount(12_500n * E18, 18, 'en-US')).toBe('12,500');
    expect(formatTokenAmount(12_500n * E18 + 5n * 10n ** 17n, 18, 'de-DE')).toBe('12.500,5');
    expect(formatTokenAmount(123_456_789_012_345_678_901_234n, 18, 'en-US')).toBe('123,456.79');
    expect(formatTokenAmount(12_345n * 10n ** 12n, 18, 'en-US')).toBe('0.012345');
  });

  test('a positive amount below the last digit shown says "less than", never 0', () => {
    expect(formatTokenAmount(0n, 18, 'en-US')).toBe('0');
    expect(formatTokenAmount(1n, 18, 'en-US')).toBe('less than 0.000001');
    expect(formatTokenAmount(10n ** 12n - 1n, 18, 'en-US')).toBe('less than 0.000001');
    expect(formatTokenAmount(10n ** 12n, 18, 'en-US')).toBe('0.000001');
    expect(formatTokenAmount(1n, 18, 'de-DE')).toBe('less than 0,000001');
    expect(formatTokenAmount(1n, 6, 'en-US')).toBe('0.000001'); // USDC: every base unit shows
    expect(formatTokenAmount(1n, 0, 'en-US')).toBe('1');
    expect(formatEthE18(1n, 'en-US')).toBe('less than 0.00000001 ETH');
    expect(formatEthE18(0n, 'en-US')).toBe('0 ETH');
    expect(formatUsdE18(10n ** 13n, 'en-US')).toBe('less than $0.0001');
    expect(formatUsdE18(0n, 'en-US')).toBe('$0.00');
  });

  test('a threshold is shown to the last base unit, grouped for the locale', () => {
    expect(formatTokenAmountExact(1n, 18, 'en-US')).toBe('0.000000000000000001');
    expect(formatTokenAmountExact(25_000n * E18, 18, 'en-US')).toBe('25,000');
    expect(formatTokenAmountExact(10n ** 18n + 1n, 18, 'de-DE')).toBe('1,000000000000000001');
    expect(formatTokenAmountExact(1_234_567n * E18 + 5n * 10n ** 17n, 18, 'de-DE')).toBe('1.234.567,5');
    expect(formatTokenAmountExact(7n, 0, 'en-US')).toBe('7');
  });

  test('dollars from 1e18 fixed point, more digits under a dollar', () => {
    expect(formatUsdE18(3_750n * E18, 'en-US')).toBe('$3,750.00');
    expect(formatUsdE18(3n * 10n ** 17n, 'en-US')).toBe('$0.30');
    expect(formatUsdE18(12_345n * 10n ** 13n, 'en-US')).toBe('$0.1235');
  });

  test('ETH amounts', () => {
    expect(formatEthE18(125n * 10n ** 16n, 'en-US')).toBe('1.25 ETH');
    expect(formatEthE18(E18 / 10_000n, 'en-US')).toBe('0.0001 ETH');
  });

  test('changes, ages and addresses', () => {
    expect(formatChange(250, 'en-US')).toBe('+2.50%');
    expect(formatChange(-120, 'en-US')).toBe('-1.20%');
    expect(formatChange(0, 'en-US')).toBe('0.00%');
    expect(formatAge(0, 5_000, 'en-US')).toBe('5 seconds ago');
    expect(formatAge(0, 120_000, 'en-US')).toBe('2 minutes ago');
    expect(formatUntil(3 * 86_400_000, 0, 'en-US')).toBe('in 3 days');
    expect(formatUntil(90_000, 0, 'en-US')).toBe('in 2 minutes');
    expect(shortAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toBe('0x7099…79C8');
  });
});
