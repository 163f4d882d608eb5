import type { PoolReading, PriceReads } from '@/lib/chain/pricePlan';
import type { ChainConfig } from '@/lib/chain/types';
import { bestPrice, minDepthIn, type PoolCandidate, type PriceSource, type TokenPrice } from './bestPrice';

const E18 = 10n ** 18n;

export interface ResolvedPrices {
  /** USD per ETH ×1e18 from the deepest WETH/stablecoin pool; null when none is deep enough. */
  ethUsdE18: bigint | null;
  /** Per token (lower-case address). */
  tokens: Map<string, TokenPrice>;
}

interface QuoteInfo {
  symbol: string;
  decimals: number;
  usdE18: bigint | null;
  ethE18: bigint | null;
  via: PriceSource | null;
}

function candidates(readings: PoolReading[], quoteOf: (r: PoolReading) => QuoteInfo | null): PoolCandidate[] {
  return readings.flatMap((r) => {
    const quote = quoteOf(r);
    if (!r.state || !quote) return [];
    return [
      {
        protocol: r.protocol,
        fee: r.fee,
        quoteSymbol: quote.symbol,
        quoteDecimals: quote.decimals,
        quoteUsdE18: quote.usdE18,
        quoteEthE18: quote.ethE18,
        via: quote.via,
        state: r.state,
      },
    ];
  });
}

/** Of a route judged in USD and one judged in ETH (depths that cannot be compared): a shown price first, USD first. */
function eitherUnit(usd: TokenPrice, eth: TokenPrice): TokenPrice {
  if (usd.kind === 'priced') return usd;
  if (eth.kind === 'priced') return eth;
  if (usd.kind === 'unreliable') return usd;
  return eth;
}

/**
 * Prices every token of a refresh from the pools the read plan found: ETH/USD first, then each
 * hub coin from its own direct pools, then each token from its deepest route (direct, or through
 * one hub). `tokenMeta` gives each token's symbol and decimals, read in the same multicall.
 *
 * Depth is judged in USD. On a chain where no ETH/USD pool is deep enough, pools against WETH (or
 * ETH) have no USD value, so they are judged in ETH instead, against the holder's minimum at
 * ETH_DEPTH_REFERENCE_USD: such a token gets an honest ETH price and no USD price.
 */
export function resolvePrices(
  chain: ChainConfig,
  reads: PriceReads,
  tokenMeta: Map<string, { symbol: string | null; decimals: number | null }>,
  minDepthUsd: number,
): ResolvedPrices {
  const usdMin = minDepthIn('USD', minDepthUsd);
  const ethMin = minDepthIn('ETH', minDepthUsd);
  const stableSymbol = chain.stablecoin.symbol;
  const stableDecimals = chain.stablecoin.decimals;
  const usdOnly: QuoteInfo = { symbol: stableSymbol, decimals: stableDecimals, usdE18: E18, ethE18: null, via: null };
  const eth = bestPrice(
    'WETH',
    18,
    candidates(reads.eth, () => usdOnly),
    usdMin,
  );
  const ethUsdE18 = eth.kind === 'priced' ? eth.priceUsdE18 : null;
  const stable: QuoteInfo = { ...usdOnly, ethE18: ethUsdE18 ? (E18 * E18) / ethUsdE18 : null };
  const judge = (symbol: string, decimals: number, found: PoolCandidate[]): TokenPrice =>
    ethUsdE18 !== null
      ? bestPrice(symbol, decimals, found, usdMin)
      : eitherUnit(bestPrice(symbol, decimals, found, usdMin), bestPrice(symbol, decimals, found, ethMin));

  const hubs = new Map<string, QuoteInfo>();
  const direct = (r: PoolReading): QuoteInfo | null => {
    if (r.quote.kind === 'weth') return { symbol: 'WETH', decimals: 18, usdE18: ethUsdE18, ethE18: E18, via: null };
    if (r.quote.kind === 'eth') return { symbol: 'ETH', decimals: 18, usdE18: ethUsdE18, ethE18: E18, via: null };
    if (r.quote.kind === 'stable') return stable;
    return hubs.get(r.quote.hub.toLowerCase()) ?? null;
  };
  for (const hub of reads.hubs) {
    if (hub.decimals === null) continue;
    const symbol = hub.symbol ?? 'hub';
    const price = judge(symbol, hub.decimals, candidates(hub.pools, direct));
    // A hub prices others only when its own price is reliable.
    if (price.kind === 'priced')
      hubs.set(hub.address.toLowerCase(), {
        symbol,
        decimals: hub.decimals,
        usdE18: price.priceUsdE18,
        ethE18: price.priceEthE18,
        via: price.source,
      });
  }

  const tokens = new Map<string, TokenPrice>();
  for (const [address, readings] of reads.tokens) {
    const meta = tokenMeta.get(address);
    if (!meta || meta.decimals === null) {
      tokens.set(address, { kind: 'none' });
      continue;
    }
    tokens.set(address, judge(meta.symbol ?? '???', meta.decimals, candidates(readings, direct)));
  }
  return { ethUsdE18, tokens };
}
