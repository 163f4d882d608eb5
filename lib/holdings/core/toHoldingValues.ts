import type { ChainSnapshot, TokenReading } from '@/lib/chain/readChainSnapshot';
import type { HoldingValues, StoredPriceSource } from '@/lib/db/rows';
import type { TokenPrice } from './bestPrice';
import type { ResolvedPrices } from './resolvePrices';
import { valueInWei } from './valuation';

const E18 = 10n ** 18n;

function storedSource(price: TokenPrice): StoredPriceSource | null {
  if (price.kind === 'none') return null;
  const { protocol, fee, pair, via, depthUsdE18 } = price.source;
  return { protocol, fee, pair, via, depthUsdE18: depthUsdE18.toString(), reliable: price.kind === 'priced' };
}

/** ETH per whole token ×1e18: exact from an ETH-quoted pool, else through ETH/USD. */
function priceInEth(price: TokenPrice, ethUsdE18: bigint | null): bigint | null {
  if (price.kind !== 'priced') return null;
  if (price.quoteSymbol === 'WETH' || price.quoteSymbol === 'ETH') return price.inQuoteE18;
  return ethUsdE18 ? (price.priceUsdE18 * E18) / ethUsdE18 : null;
}

/** A token's reading at a block, priced from its deepest pool and valued, in the shape the database keeps. */
export function toHoldingValues(
  snapshot: ChainSnapshot,
  reading: TokenReading,
  fetchedAt: number,
  prices: ResolvedPrices,
): HoldingValues | null {
  if (reading.decimals === null) return null; // not an ERC-20 we can read
  const price = prices.tokens.get(reading.address.toLowerCase()) ?? { kind: 'none' };
  const priceEthE18 = priceInEth(price, prices.ethUsdE18);
  const valueWei = reading.balance !== null && priceEthE18 !== null ? valueInWei(reading.balance, reading.decimals, priceEthE18) : null;
  return {
    balance: reading.balance?.toString() ?? null,
    decimals: reading.decimals,
    symbol: reading.symbol,
    name: reading.name,
    priceEthE18: priceEthE18?.toString() ?? null,
    ethUsdE18: prices.ethUsdE18?.toString() ?? null,
    valueWei: valueWei?.toString() ?? null,
    priceSource: storedSource(price),
    blockNumber: snapshot.blockNumber.toString(),
    blockTimestamp: Number(snapshot.blockTimestamp),
    fetchedAt,
  };
}
