// Spot prices and depth from a pool's raw state, as 18-decimal fixed-point bigints. Pure: the
// chain reads live in lib/chain/pricePlan.ts, the route choice in ./bestPrice.ts.

const E18 = 10n ** 18n;
const Q96 = 1n << 96n;
const Q192 = 1n << 192n;

export type PoolProtocol = 'v2' | 'v3' | 'v4';

/** A pool between `base` (the token being priced) and `quote`, as read from the chain. */
export type PoolState =
  | { protocol: 'v2'; baseReserve: bigint; quoteReserve: bigint }
  | { protocol: 'v3' | 'v4'; sqrtPriceX96: bigint; liquidity: bigint; baseIsToken0: boolean };

/** Quote per one whole base token ×1e18, from raw units and both tokens' decimals; null for an empty pool. */
export function spotPriceE18(pool: PoolState, baseDecimals: number, quoteDecimals: number): bigint | null {
  const scaleUp = E18 * 10n ** BigInt(baseDecimals);
  const scaleDown = 10n ** BigInt(quoteDecimals);
  if (pool.protocol === 'v2') {
    if (pool.baseReserve === 0n || pool.quoteReserve === 0n) return null;
    return (pool.quoteReserve * scaleUp) / (pool.baseReserve * scaleDown);
  }
  if (pool.sqrtPriceX96 === 0n || pool.liquidity === 0n) return null;
  const priceX192 = pool.sqrtPriceX96 * pool.sqrtPriceX96; // token1 per token0, raw units, ×2^192
  return pool.baseIsToken0 ? (priceX192 * scaleUp) / (Q192 * scaleDown) : (Q192 * scaleUp) / (priceX192 * scaleDown);
}

/**
 * The quote-side reserve at the current price, in raw quote units. V2: the reserve itself. V3/V4:
 * the virtual reserve of the in-range liquidity (L·√P for token1, L/√P for token0), i.e. what a
 * V2 pool with the same liquidity at this price would hold: how much it takes to move the price.
 */
export function quoteReserveAtPrice(pool: PoolState): bigint {
  if (pool.protocol === 'v2') return pool.quoteReserve;
  if (pool.sqrtPriceX96 === 0n) return 0n;
  const quoteIsToken1 = pool.baseIsToken0;
  return quoteIsToken1 ? (pool.liquidity * pool.sqrtPriceX96) / Q96 : (pool.liquidity * Q96) / pool.sqrtPriceX96;
}

/**
 * A pool's depth ×1e18 in the unit the quote is priced in (USD, or ETH where the chain has no
 * ETH/USD price): both sides at the current price (twice the quote side).
 */
export function poolDepthE18(pool: PoolState, quoteDecimals: number, quotePriceE18: bigint): bigint {
  return (2n * quoteReserveAtPrice(pool) * quotePriceE18) / 10n ** BigInt(quoteDecimals);
}
