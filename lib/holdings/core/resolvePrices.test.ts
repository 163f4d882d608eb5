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

test('no ETH/USD pool: WETH-quoted pools give no price and no ETH/USD, so the popup can say why', () => {
  const reads: PriceReads = {
    eth: [],
    hubs: [],
    tokens: new Map([[COIN.toLowerCase(), [v2(COIN, { kind: 'weth' }, 100_000n * E18, 10n * E18)]]]),
  };
  const prices = resolvePrices(BASE, reads, new Map([[COIN.toLowerCase(), { symbol: 'COIN', decimals: 18 }]]), DEFAULT_MIN_POOL_DEPTH_USD);
  expect(prices.ethUsdE18).toBeNull();
  expect(prices.tokens.get(COIN.toLowerCase())).toEqual({ kind: 'none' });
});
