import type { HoldingRow, HoldingValues, StoredPriceSource } from '@/lib/db/rows';
import { sumMoney, type Money } from '@/lib/format/money';
import { changeInBasisPoints, ethToUsdE18 } from './valuation';

/** What one holding row shows, computed from the stored readings; bigint until formatted. */
export interface HoldingView {
  tokenId: string;
  symbol: string;
  name: string;
  decimals: number;
  balance: bigint | null;
  priceEthE18: bigint | null;
  priceUsdE18: bigint | null;
  valueWei: bigint | null;
  valueUsdE18: bigint | null;
  /** USD per ETH ×1e18 read with this holding (the ETH/USD pool); null without it. */
  ethUsdE18: bigint | null;
  /** The pool the price comes from; null when none was found (or the reading predates sources). */
  priceSource: StoredPriceSource | null;
  /**
   * No price because the chain's ETH/USD read gave nothing (no WETH/USDC pool deep enough, or
   * none answered): pools against WETH are then skipped, and the popup says so.
   */
  noEthPrice?: boolean;
  /** Change of the holding's value (or, without a balance, of the price) since the last look. */
  changeBasisPoints: number | null;
  blockNumber: bigint;
  fetchedAt: number;
}

const big = (s: string | null): bigint | null => (s === null ? null : BigInt(s));

function usd(ethE18: bigint | null, values: HoldingValues): bigint | null {
  const ethUsd = big(values.ethUsdE18);
  return ethE18 === null || ethUsd === null ? null : ethToUsdE18(ethE18, ethUsd);
}

export function toHoldingView(row: HoldingRow): HoldingView {
  const { latest, looked } = row;
  const priceEthE18 = big(latest.priceEthE18);
  const valueWei = big(latest.valueWei);
  const valueUsdE18 = usd(valueWei, latest);
  const current = valueUsdE18 ?? usd(priceEthE18, latest);
  const before = looked
    ? looked.valueWei !== null && latest.valueWei !== null
      ? usd(big(looked.valueWei), looked)
      : usd(big(looked.priceEthE18), looked)
    : null;
  return {
    tokenId: row.tokenId,
    symbol: latest.symbol ?? '???',
    name: latest.name ?? latest.symbol ?? 'Unknown token',
    decimals: latest.decimals ?? 18,
    balance: big(latest.balance),
    priceEthE18,
    priceUsdE18: usd(priceEthE18, latest),
    valueWei,
    valueUsdE18,
    ethUsdE18: big(latest.ethUsdE18),
    priceSource: latest.priceSource ?? null,
    noEthPrice: priceEthE18 === null && latest.ethUsdE18 === null,
    changeBasisPoints: before !== null && current !== null ? changeInBasisPoints(before, current) : null,
    blockNumber: BigInt(latest.blockNumber),
    fetchedAt: latest.fetchedAt,
  };
}

/** Sum of the values that are known, in USD ×1e18. */
export function totalUsdE18(views: HoldingView[]): bigint {
  return views.reduce((sum, view) => sum + (view.valueUsdE18 ?? 0n), 0n);
}

/** The holding's value in both units, for the display currency. */
export function valueMoney(view: HoldingView): Money {
  return { usdE18: view.valueUsdE18, wei: view.valueWei };
}

/** One token's price in both units. */
export function priceMoney(view: HoldingView): Money {
  return { usdE18: view.priceUsdE18, wei: view.priceEthE18 };
}

/** Sum of the values that are known, per unit. */
export function totalMoney(views: HoldingView[]): Money {
  return sumMoney(views.map(valueMoney));
}
