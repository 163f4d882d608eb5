import type { PoolReading, PriceReads } from '@/lib/chain/pricePlan';
import type { ChainConfig } from '@/lib/chain/types';
import { bestPrice, type PoolCandidate, type PriceSource, type TokenPrice } from './bestPrice';

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
        via: quote.via,
        state: r.state,
      },
    ];
  });
}

/**
 * Prices every token of a refresh from the pools the read plan found: ETH/USD first, then each
 * hub coin from its own direct pools, then each token from its deepest route (direct, or through
 * one hub). `tokenMeta` gives each token's symbol and decimals, read in the same multicall.
 */
export function resolvePrices(
  chain: ChainConfig,
  reads: PriceReads,
  tokenMeta: Map<string, { symbol: string | null; decimals: number | null }>,
  minDepthUsd: number,
): ResolvedPrices {
  const stable: QuoteInfo = { symbol: chain.stablecoin.symbol, decimals: chain.stablecoin.decimals, usdE18: E18, via: null };
  const eth = bestPrice(
    'WETH',
    18,
    candidates(reads.eth, () => stable),
    minDepthUsd,
  );
  const ethUsdE18 = eth.kind === 'priced' ? eth.priceUsdE18 : null;

  const hubs = new Map<string, QuoteInfo>();
  const direct = (r: PoolReading): QuoteInfo | null => {
    if (r.quote.kind === 'weth') return { symbol: 'WETH', decimals: 18, usdE18: ethUsdE18, via: null };
    if (r.quote.kind === 'eth') return { symbol: 'ETH', decimals: 18, usdE18: ethUsdE18, via: null };
    if (r.quote.kind === 'stable') return stable;
    return hubs.get(r.quote.hub.toLowerCase()) ?? null;
  };
  for (const hub of reads.hubs) {
    if (hub.decimals === null) continue;
    const symbol = hub.symbol ?? 'hub';
    const price = bestPrice(symbol, hub.decimals, candidates(hub.pools, direct), minDepthUsd);
    // A hub prices others only when its own price is reliable.
    if (price.kind === 'priced')
      hubs.set(hub.address.toLowerCase(), { symbol, decimals: hub.decimals, usdE18: price.priceUsdE18, via: price.source });
  }

  const tokens = new Map<string, TokenPrice>();
  for (const [address, readings] of reads.tokens) {
    const meta = tokenMeta.get(address);
    if (!meta || meta.decimals === null) {
      tokens.set(address, { kind: 'none' });
      continue;
    }
    tokens.set(address, bestPrice(meta.symbol ?? '???', meta.decimals, candidates(readings, direct), minDepthUsd));
  }
  return { ethUsdE18, tokens };
}
