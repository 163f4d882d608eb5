import type { ChainSnapshot, TokenReading } from '@/lib/chain/readChainSnapshot';
import type { HoldingValues, StoredPriceSource } from '@/lib/db/rows';
import type { TokenPrice } from './bestPrice';
import type { ResolvedPrices } from './resolvePrices';
import { valueInWei } from './valuation';

function storedSource(price: TokenPrice): StoredPriceSource | null {
  if (price.kind === 'none') return null;
  const { protocol, fee, pair, via, depth } = price.source;
  const amount = depth.amountE18.toString();
  return {
    protocol,
    fee,
    pair,
    via,
    depthUsdE18: depth.unit === 'USD' ? amount : null,
    depthEthE18: depth.unit === 'ETH' ? amount : null,
    reliable: price.kind === 'priced',
  };
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
  const priceEthE18 = price.kind === 'priced' ? price.priceEthE18 : null;
  const valueWei = reading.balance !== null && priceEthE18 !== null ? valueInWei(reading.balance, reading.decimals, priceEthE18) : null;
  return {
    balance: reading.balance?.toString() ?? null,
    decimals: reading.decimals,
    symbol: reading.symbol,
    name: reading.name,
    priceEthE18: priceEthE18?.toString() ?? null,
    ethUsdE18: prices.ethUsdE18?.toString() ?? null,
    priceUsdE18: prices.ethUsdE18 === null && price.kind === 'priced' ? (price.priceUsdE18?.toString() ?? null) : null,
    valueWei: valueWei?.toString() ?? null,
    priceSource: storedSource(price),
    blockNumber: snapshot.blockNumber.toString(),
    blockTimestamp: Number(snapshot.blockTimestamp),
    fetchedAt,
  };
}
