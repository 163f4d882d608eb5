import { poolDepthE18, spotPriceE18, type PoolProtocol, type PoolState } from './poolPrice';

const E18 = 10n ** 18n;

/**
 * Below this depth a pool's price is not shown: at $5,000 of depth (≈$2,500 a side), a $100 buy
 * already moves the spot price by about 8%, and a lunch-money trade could double a price set in a
 * $500 pool. The holder can set another minimum in settings.
 */
export const DEFAULT_MIN_POOL_DEPTH_USD = 5_000;

/**
 * USD per ETH at which the holder's minimum depth is converted to ETH on a chain whose own
 * ETH/USD pools gave no price (so pools against WETH cannot be judged in USD). Deliberately low
 * (ETH last traded below $1,000 in mid-2022; not checked live here): the ETH rule it gives
 * ($5,000 → 5 ETH) is stricter than the USD rule whenever ETH trades above it, never looser.
 */
export const ETH_DEPTH_REFERENCE_USD = 1_000;

/** The unit a pool's depth is judged in: USD normally, ETH when the chain has no ETH/USD price. */
export type DepthUnit = 'USD' | 'ETH';

/** A pool's (or route's) depth: both sides at the current price, ×1e18 in `unit`. */
export interface Depth {
  unit: DepthUnit;
  amountE18: bigint;
}

/** The minimum depth a route must have for its price to be shown, in one unit. */
export interface MinDepth {
  unit: DepthUnit;
  amount: number;
}

/** The holder's minimum, in USD; on a chain with no ETH/USD price, in ETH at the reference. */
export function minDepthIn(unit: DepthUnit, minDepthUsd: number): MinDepth {
  return unit === 'USD' ? { unit, amount: minDepthUsd } : { unit, amount: minDepthUsd / ETH_DEPTH_REFERENCE_USD };
}

/** A pool the price could come from, as the read plan found it. */
export interface PoolCandidate {
  protocol: PoolProtocol;
  /** V3/V4 fee in hundredths of a bip; null for V2. */
  fee: number | null;
  /** Symbol or label of the quote side ("WETH", "ETH", "USDC", a hub coin's symbol). */
  quoteSymbol: string;
  quoteDecimals: number;
  /** USD per whole quote token ×1e18; null when the quote has no USD price. */
  quoteUsdE18: bigint | null;
  /** ETH per whole quote token ×1e18 (1e18 for WETH/ETH); null when the quote has no ETH price. */
  quoteEthE18: bigint | null;
  /** Set when the quote is an intermediate coin: its own price source. */
  via: PriceSource | null;
  state: PoolState;
}

export interface PriceSource {
  protocol: PoolProtocol;
  fee: number | null;
  /** "BASE/QUOTE" as the holder reads it, e.g. "KAI/ZED". */
  pair: string;
  /** For a price through an intermediate coin: that coin's own pool ("ZED/WETH"). */
  via: string | null;
  /** The route's depth: the shallower of its pools, in the unit it was judged in. */
  depth: Depth;
}

export type TokenPrice =
  | {
      kind: 'priced';
      /** USD per whole token ×1e18; null when the chain has no ETH/USD price and the route is through ETH. */
      priceUsdE18: bigint | null;
      /** ETH per whole token ×1e18 (exact from an ETH-quoted pool); null when nothing gives ETH. */
      priceEthE18: bigint | null;
      source: PriceSource;
    }
  /** Pools exist but the deepest is below the holder's minimum depth: no number is shown. */
  | { kind: 'unreliable'; source: PriceSource }
  | { kind: 'none' };

const times = (a: bigint, b: bigint | null): bigint | null => (b === null ? null : (a * b) / E18);

/**
 * The price from the pool that really trades the token: among every candidate whose quote has a
 * price in `min.unit`, the route with the most depth in that unit (a route through an
 * intermediate coin counts its shallower pool, and only when that coin was judged in the same
 * unit). Below `min` the answer is "unreliable", never a number.
 */
export function bestPrice(baseSymbol: string, baseDecimals: number, candidates: PoolCandidate[], min: MinDepth): TokenPrice {
  let best: { priceUsdE18: bigint | null; priceEthE18: bigint | null; source: PriceSource } | null = null;
  for (const c of candidates) {
    const quoteInUnit = min.unit === 'USD' ? c.quoteUsdE18 : c.quoteEthE18;
    if (quoteInUnit === null) continue;
    if (c.via && c.via.depth.unit !== min.unit) continue;
    const inQuote = spotPriceE18(c.state, baseDecimals, c.quoteDecimals);
    if (inQuote === null || inQuote === 0n) continue;
    const own = poolDepthE18(c.state, c.quoteDecimals, quoteInUnit);
    const depth = c.via && c.via.depth.amountE18 < own ? c.via.depth.amountE18 : own;
    if (best && depth <= best.source.depth.amountE18) continue;
    best = {
      priceUsdE18: times(inQuote, c.quoteUsdE18),
      priceEthE18: times(inQuote, c.quoteEthE18),
      source: {
        protocol: c.protocol,
        fee: c.fee,
        pair: `${baseSymbol}/${c.quoteSymbol}`,
        via: c.via ? c.via.pair : null,
        depth: { unit: min.unit, amountE18: depth },
      },
    };
  }
  if (!best) return { kind: 'none' };
  if (best.source.depth.amountE18 < BigInt(Math.round(min.amount * 100)) * 10n ** 16n) return { kind: 'unreliable', source: best.source };
  return { kind: 'priced', ...best };
}
