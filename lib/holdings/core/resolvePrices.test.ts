import { expect, test } from 'vitest';
import { BASE, BASE_ZORA } from '@/lib/chain/l2Chains';
import type { PoolReading, PriceReads } from '@/lib/chain/pricePlan';
import { DEFAULT_MIN_POOL_DEPTH_USD } from './bestPrice';
import { resolvePrices } from './resolvePrices';

const E18 = 10n ** 18n;
const COIN = '0x00000000000000000000000000000000C0111111';

const v2 = (base: `0x${string}`, quote: PoolReading['quote'], baseReserve: bigint, quoteReserve: bigint): PoolReading => ({
  base,
  quote,
  protocol: 'v2',
  fee: null,
  state: { protocol: 'v2', baseReserve, quoteReserve },
});

// WETH/USDC at $3,000 (USDC has 6 decimals on Base), deep.
const ethUsd = v2(BASE.weth, { kind: 'stable' }, 1_000n * E18, 3_000_000n * 10n ** 6n);

test('Base: a Zora creator coin paired only with ZORA is priced through ZORA’s own WETH pool', () => {
  const reads: PriceReads = {
    eth: [ethUsd],
    // 1 ZORA = 0.00002 ETH ($0.06): 5,000,000 ZORA : 100 WETH.
    hubs: [{ address: BASE_ZORA, symbol: 'ZORA', decimals: 18, pools: [v2(BASE_ZORA, { kind: 'weth' }, 5_000_000n * E18, 100n * E18)] }],
    // 1 COIN = 10 ZORA: 100,000 COIN : 1,000,000 ZORA.
    tokens: new Map([[COIN.toLowerCase(), [v2(COIN, { kind: 'hub', hub: BASE_ZORA }, 100_000n * E18, 1_000_000n * E18)]]]),
  };
  const prices = resolvePrices(BASE, reads, new Map([[COIN.toLowerCase(), { symbol: 'COIN', decimals: 18 }]]), DEFAULT_MIN_POOL_DEPTH_USD);
  expect(prices.ethUsdE18).toBe(3_000n * E18);
  expect(prices.tokens.get(COIN.toLowerCase())).toMatchObject({
    kind: 'priced',
    priceUsdE18: 6n * 10n ** 17n, // 10 ZORA × $0.06
    source: { protocol: 'v2', pair: 'COIN/ZORA', via: 'ZORA/WETH' },
  });
});

test('no ETH/USD pool: a WETH-quoted pool is judged in ETH and gives an ETH price, and no USD price', () => {
  const reads: PriceReads = {
    eth: [],
    hubs: [],
    // 1 COIN = 0.0001 ETH; 10 WETH a side: 20 ETH deep, above the default 5 ETH ($5,000 at $1,000 per ETH).
    tokens: new Map([[COIN.toLowerCase(), [v2(COIN, { kind: 'weth' }, 100_000n * E18, 10n * E18)]]]),
  };
  const meta = new Map([[COIN.toLowerCase(), { symbol: 'COIN', decimals: 18 }]]);
  const prices = resolvePrices(BASE, reads, meta, DEFAULT_MIN_POOL_DEPTH_USD);
  expect(prices.ethUsdE18).toBeNull();
  expect(prices.tokens.get(COIN.toLowerCase())).toEqual({
    kind: 'priced',
    priceUsdE18: null,
    priceEthE18: E18 / 10_000n,
    source: { protocol: 'v2', fee: null, pair: 'COIN/WETH', via: null, depth: { unit: 'ETH', amountE18: 20n * E18 } },
  });
  // The holder's minimum applies in ETH too: $25,000 → 25 ETH, above this pool's 20.
  expect(resolvePrices(BASE, reads, meta, 25_000).tokens.get(COIN.toLowerCase())).toMatchObject({
    kind: 'unreliable',
    source: { depth: { unit: 'ETH', amountE18: 20n * E18 } },
  });
});

test('an ETH/USD pool too thin counts as none: WETH pools are judged in ETH, a hub through WETH carries its ETH price', () => {
  const reads: PriceReads = {
    // WETH/USDC with 1 WETH: $6,000 deep, under a $10,000 minimum.
    eth: [v2(BASE.weth, { kind: 'stable' }, E18, 3_000n * 10n ** 6n)],
    hubs: [{ address: BASE_ZORA, symbol: 'ZORA', decimals: 18, pools: [v2(BASE_ZORA, { kind: 'weth' }, 5_000_000n * E18, 100n * E18)] }],
    tokens: new Map([[COIN.toLowerCase(), [v2(COIN, { kind: 'hub', hub: BASE_ZORA }, 100_000n * E18, 1_000_000n * E18)]]]),
  };
  const prices = resolvePrices(BASE, reads, new Map([[COIN.toLowerCase(), { symbol: 'COIN', decimals: 18 }]]), 10_000);
  expect(prices.ethUsdE18).toBeNull();
  expect(prices.tokens.get(COIN.toLowerCase())).toEqual({
    kind: 'priced',
    priceUsdE18: null,
    priceEthE18: 2n * 10n ** 14n, // 10 ZORA × 0.00002 ETH
    // The shallower pool of the route: COIN/ZORA holds 1,000,000 ZORA = 20 ETH a side, ZORA/WETH 100 WETH.
    source: { protocol: 'v2', fee: null, pair: 'COIN/ZORA', via: 'ZORA/WETH', depth: { unit: 'ETH', amountE18: 40n * E18 } },
  });
});

test('no ETH/USD pool, but a deep stablecoin pool: the USD price is kept and no ETH price is made up', () => {
  const reads: PriceReads = {
    eth: [],
    hubs: [],
    tokens: new Map([[COIN.toLowerCase(), [v2(COIN, { kind: 'stable' }, 100_000n * E18, 50_000n * 10n ** 6n)]]]),
  };
  const prices = resolvePrices(BASE, reads, new Map([[COIN.toLowerCase(), { symbol: 'COIN', decimals: 18 }]]), DEFAULT_MIN_POOL_DEPTH_USD);
  expect(prices.tokens.get(COIN.toLowerCase())).toMatchObject({
    kind: 'priced',
    priceUsdE18: E18 / 2n,
    priceEthE18: null,
    source: { pair: 'COIN/USDC', depth: { unit: 'USD', amountE18: 100_000n * E18 } },
  });
});
