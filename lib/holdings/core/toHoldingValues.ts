import type { ChainSnapshot, TokenReading } from '@/lib/chain/readChainSnapshot';
import type { HoldingValues } from '@/lib/db/rows';
import { ethPriceInUsdE18, tokenPriceInEthE18, valueInWei } from './valuation';

/** A token's reading at a block, priced and valued, in the shape the database keeps. */
export function toHoldingValues(snapshot: ChainSnapshot, reading: TokenReading, fetchedAt: number): HoldingValues | null {
  if (reading.decimals === null) return null; // not an ERC-20 we can read
  const priceEthE18 = reading.wethPair ? tokenPriceInEthE18(reading.wethPair, reading.decimals) : null;
  const ethUsdE18 = snapshot.usdPool ? ethPriceInUsdE18(snapshot.usdPool) : null;
  const valueWei = reading.balance !== null && priceEthE18 !== null ? valueInWei(reading.balance, reading.decimals, priceEthE18) : null;
  return {
    balance: reading.balance?.toString() ?? null,
    decimals: reading.decimals,
    symbol: reading.symbol,
    name: reading.name,
    priceEthE18: priceEthE18?.toString() ?? null,
    ethUsdE18: ethUsdE18?.toString() ?? null,
    valueWei: valueWei?.toString() ?? null,
    blockNumber: snapshot.blockNumber.toString(),
    blockTimestamp: Number(snapshot.blockTimestamp),
    fetchedAt,
  };
}
