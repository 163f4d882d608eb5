import { depthUsdE18, spotPriceE18, type PoolProtocol, type PoolState } from './poolPrice';

const E18 = 10n ** 18n;

/**
 * Below this depth a pool's price is not shown: at $5,000 of depth (≈$2,500 a side), a $100 buy
 * already moves the spot price by about 8%, and a lunch-money trade could double a price set in a
 * $500 pool. The holder can set another minimum in settings.
 */
export const DEFAULT_MIN_POOL_DEPTH_USD = 5_000;

/** A pool the price could come from, as the read plan found it. */
export interface PoolCandidate {
  protocol: PoolProtocol;
  /** V3/V4 fee in hundredths of a bip; null for V2. */
  fee: number | null;
  /** Symbol or label of the quote side ("WETH", "ETH", "USDC", a hub coin's symbol). */
  quoteSymbol: string;
  quoteDecimals: number;
  /** USD per whole quote token ×1e18; null when the quote has no price of its own. */
  quoteUsdE18: bigint | null;
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
  /** The route's depth in USD ×1e18: the shallower of its pools. */
  depthUsdE18: bigint;
}

export type TokenPrice =
  | {
      kind: 'priced';
      priceUsdE18: bigint;
      /** The price in the route's quote (ETH when `quoteSymbol` is WETH or ETH), ×1e18, before USD rounding. */
      inQuoteE18: bigint;
      quoteSymbol: string;
      source: PriceSource;
    }
  /** Pools exist but the deepest is below the holder's minimum depth: no number is shown. */
  | { kind: 'unreliable'; source: PriceSource }
  | { kind: 'none' };

/**
 * The price from the pool that really trades the token: among every candidate with a price, the
 * route with the most depth in USD (a route through an intermediate coin counts its shallower
 * pool). Below `minDepthUsd` the answer is "unreliable", never a number.
 */
export function bestPrice(baseSymbol: string, baseDecimals: number, candidates: PoolCandidate[], minDepthUsd: number): TokenPrice {
  let best: { priceUsdE18: bigint; inQuoteE18: bigint; quoteSymbol: string; source: PriceSource } | null = null;
  for (const c of candidates) {
    if (c.quoteUsdE18 === null) continue;
    const inQuote = spotPriceE18(c.state, baseDecimals, c.quoteDecimals);
    if (inQuote === null || inQuote === 0n) continue;
    const own = depthUsdE18(c.state, c.quoteDecimals, c.quoteUsdE18);
    const depth = c.via && c.via.depthUsdE18 < own ? c.via.depthUsdE18 : own;
    if (best && depth <= best.source.depthUsdE18) continue;
    best = {
      priceUsdE18: (inQuote * c.quoteUsdE18) / E18,
      inQuoteE18: c.via ? (inQuote * c.quoteUsdE18) / E18 : inQuote,
      quoteSymbol: c.via ? 'USD' : c.quoteSymbol,
      source: {
        protocol: c.protocol,
        fee: c.fee,
        pair: `${baseSymbol}/${c.quoteSymbol}`,
        via: c.via ? c.via.pair : null,
        depthUsdE18: depth,
      },
    };
  }
  if (!best) return { kind: 'none' };
  if (best.source.depthUsdE18 < BigInt(Math.round(minDepthUsd * 100)) * 10n ** 16n) return { kind: 'unreliable', source: best.source };
  return { kind: 'priced', ...best };
}
