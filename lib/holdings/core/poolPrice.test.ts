import { describe, expect, test } from 'vitest';
import { bestPrice, ETH_DEPTH_REFERENCE_USD, minDepthIn, type PoolCandidate } from './bestPrice';
import { poolDepthE18, quoteReserveAtPrice, spotPriceE18 } from './poolPrice';

const E18 = 10n ** 18n;
const Q96 = 1n << 96n;
const isqrt = (n: bigint) => {
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) [x, y] = [y, (y + n / y) / 2n];
  return x;
};

describe('spotPriceE18', () => {
  test('V2: quote per whole base, across decimals (WETH priced in 6-decimal USDC)', () => {
    const pool = { protocol: 'v2', baseReserve: 1_000n * E18, quoteReserve: 3_000_000n * 10n ** 6n } as const;
    expect(spotPriceE18(pool, 18, 6)).toBe(3_000n * E18);
    expect(spotPriceE18({ ...pool, baseReserve: 0n }, 18, 6)).toBeNull();
  });

  test('V3: WETH/USDC with USDC as token0, as on Ethereum (6 and 18 decimals)', () => {
    // token1 (WETH) per token0 (USDC) in raw units at $3,000: 1e18 / (3000 × 1e6).
    const sqrtPriceX96 = isqrt(((10n ** 18n) << 192n) / (3_000n * 10n ** 6n));
    const weth = spotPriceE18({ protocol: 'v3', sqrtPriceX96, liquidity: 1n, baseIsToken0: false }, 18, 6)!;
    expect(weth / 10n ** 12n).toBe(3_000_000_000n); // $3,000.000000, to 6 decimals
    const usdc = spotPriceE18({ protocol: 'v3', sqrtPriceX96, liquidity: 1n, baseIsToken0: true }, 6, 18)!;
    expect(usdc).toBe(333_333_333_333_333n); // 1/3000 ETH
  });

  test('V4 at price 1: sqrtPriceX96 = 2^96; an uninitialised pool has no price', () => {
    expect(spotPriceE18({ protocol: 'v4', sqrtPriceX96: Q96, liquidity: 5n, baseIsToken0: true }, 18, 18)).toBe(E18);
    expect(spotPriceE18({ protocol: 'v4', sqrtPriceX96: 0n, liquidity: 0n, baseIsToken0: true }, 18, 18)).toBeNull();
  });
});

describe('depth', () => {
  test('a full-range V3 pool reads like the V2 pool holding the same amounts', () => {
    // 100,000 TOKEN (token0) and 20 WETH (token1): L = √(x·y), √P = √(y/x).
    const x = 100_000n * E18;
    const y = 20n * E18;
    const sqrtPriceX96 = isqrt((y << 192n) / x);
    const liquidity = isqrt(x * y);
    const v3 = { protocol: 'v3', sqrtPriceX96, liquidity, baseIsToken0: true } as const;
    const reserve = quoteReserveAtPrice(v3);
    expect(reserve > y - 10n ** 6n && reserve <= y).toBe(true);
    expect(poolDepthE18(v3, 18, 3_000n * E18) / E18).toBe(119_999n); // 2 × 20 ETH × $3,000, rounded down
  });
});

describe('bestPrice', () => {
  const weth = (state: PoolCandidate['state'], protocol: PoolCandidate['protocol'] = state.protocol): PoolCandidate => ({
    protocol,
    fee: protocol === 'v2' ? null : 3000,
    quoteSymbol: 'WETH',
    quoteDecimals: 18,
    quoteUsdE18: 3_000n * E18,
    quoteEthE18: E18,
    via: null,
    state,
  });
  const usd = (amount: number) => ({ unit: 'USD' as const, amount });

  test('the deepest pool sets the price, whichever protocol it is on', () => {
    const shallowV2 = weth({ protocol: 'v2', baseReserve: 1_000n * E18, quoteReserve: 2n * E18 }); // 500/ETH, $12k
    const deepV4 = weth({ protocol: 'v4', sqrtPriceX96: Q96 >> 7n, liquidity: 1_000n * E18, baseIsToken0: true }); // 16,384/ETH, $46.9k
    const price = bestPrice('TOK', 18, [shallowV2, deepV4], usd(5_000));
    expect(price.kind).toBe('priced');
    if (price.kind !== 'priced') return;
    expect(price.source).toMatchObject({ protocol: 'v4', pair: 'TOK/WETH', fee: 3000, via: null });
    expect(price.priceUsdE18).toBe((3_000n * E18) / 16_384n);
    expect(price.priceEthE18).toBe(E18 / 16_384n);
  });

  test('below the minimum depth: unreliable, with the pool named, never a number', () => {
    const thin = weth({ protocol: 'v2', baseReserve: 1_000n * E18, quoteReserve: E18 / 5n }); // $1,200
    const price = bestPrice('THIN', 18, [thin], usd(5_000));
    expect(price).toEqual({
      kind: 'unreliable',
      source: { protocol: 'v2', fee: null, pair: 'THIN/WETH', via: null, depth: { unit: 'USD', amountE18: 1_200n * E18 } },
    });
    expect(bestPrice('THIN', 18, [thin], usd(1_000)).kind).toBe('priced');
  });

  test('through an intermediate coin the route is as deep as its shallower pool', () => {
    const hubSource = {
      protocol: 'v3' as const,
      fee: 3000,
      pair: 'ZED/WETH',
      via: null,
      depth: { unit: 'USD' as const, amountE18: 2_000n * E18 },
    };
    const viaHub: PoolCandidate = {
      protocol: 'v4',
      fee: 3000,
      quoteSymbol: 'ZED',
      quoteDecimals: 18,
      quoteUsdE18: 3n * 10n ** 17n,
      quoteEthE18: 10n ** 14n,
      via: hubSource,
      state: { protocol: 'v2', baseReserve: 1_000_000n * E18, quoteReserve: 4_000_000n * E18 },
    };
    const price = bestPrice('KAI', 18, [viaHub], usd(5_000));
    expect(price).toMatchObject({
      kind: 'unreliable',
      source: { pair: 'KAI/ZED', via: 'ZED/WETH', depth: { unit: 'USD', amountE18: 2_000n * E18 } },
    });
  });

  test('no pool at all: none', () => {
    expect(bestPrice('X', 18, [], usd(5_000))).toEqual({ kind: 'none' });
  });

  test('judged in ETH (no ETH/USD on the chain): a WETH pool is priced in ETH only, against the minimum in ETH', () => {
    const noUsd = (state: PoolCandidate['state']) => ({ ...weth(state), quoteUsdE18: null });
    const pool = noUsd({ protocol: 'v2', baseReserve: 1_000n * E18, quoteReserve: 3n * E18 }); // 6 ETH deep
    const eth = minDepthIn('ETH', 5_000); // 5 ETH at the reference
    expect(eth).toEqual({ unit: 'ETH', amount: 5_000 / ETH_DEPTH_REFERENCE_USD });
    expect(bestPrice('TOK', 18, [pool], eth)).toEqual({
      kind: 'priced',
      priceUsdE18: null,
      priceEthE18: 3n * 10n ** 15n,
      source: { protocol: 'v2', fee: null, pair: 'TOK/WETH', via: null, depth: { unit: 'ETH', amountE18: 6n * E18 } },
    });
    // The same pool is invisible to the USD rule (WETH has no USD price here), and below 10 ETH unreliable.
    expect(bestPrice('TOK', 18, [pool], usd(5_000))).toEqual({ kind: 'none' });
    expect(bestPrice('TOK', 18, [pool], minDepthIn('ETH', 10_000)).kind).toBe('unreliable');
  });

  test('a hub judged in USD cannot carry a route judged in ETH (depths in different units are not compared)', () => {
    const hubSource = {
      protocol: 'v2' as const,
      fee: null,
      pair: 'ZED/USDC',
      via: null,
      depth: { unit: 'USD' as const, amountE18: 90_000n * E18 },
    };
    const viaUsdHub: PoolCandidate = {
      protocol: 'v2',
      fee: null,
      quoteSymbol: 'ZED',
      quoteDecimals: 18,
      quoteUsdE18: E18,
      quoteEthE18: null,
      via: hubSource,
      state: { protocol: 'v2', baseReserve: 1_000n * E18, quoteReserve: 50_000n * E18 },
    };
    expect(bestPrice('KAI', 18, [{ ...viaUsdHub, quoteEthE18: E18 / 1000n }], minDepthIn('ETH', 5_000))).toEqual({ kind: 'none' });
    expect(bestPrice('KAI', 18, [viaUsdHub], usd(5_000))).toMatchObject({ kind: 'priced', priceUsdE18: 50n * E18, priceEthE18: null });
  });
});
