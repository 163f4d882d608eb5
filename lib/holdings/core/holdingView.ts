import type { HoldingRow, HoldingValues, StoredPriceSource } from '@/lib/db/rows';
import { sumMoney, type Currency, type Money } from '@/lib/format/money';
import { changeInBasisPoints, ethToUsdE18, valueInWei } from './valuation';

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
   * The chain's ETH/USD read gave nothing (no WETH/USDC pool deep enough, or none answered): a
   * price through WETH is then known in ETH only, and the popup says there is no USD price.
   */
  noUsdPrice: boolean;
  /** Change of the holding's value (or, without a balance, of the price) since the last look: in USD, or in ETH when USD is not known at both ends. */
  changeBasisPoints: number | null;
  blockNumber: bigint;
  fetchedAt: number;
}

const big = (s: string | null): bigint | null => (s === null ? null : BigInt(s));

function usd(ethE18: bigint | null, values: HoldingValues): bigint | null {
  const ethUsd = big(values.ethUsdE18);
  return ethE18 === null || ethUsd === null ? null : ethToUsdE18(ethE18, ethUsd);
}

/** The token's USD price: through ETH/USD, or kept as read when the chain had no ETH/USD price. */
function priceUsd(values: HoldingValues): bigint | null {
  return usd(big(values.priceEthE18), values) ?? big(values.priceUsdE18 ?? null);
}

/** What "change since" compares at one end: the value when both ends have a balance, else the price; USD and ETH. */
function measure(values: HoldingValues, byValue: boolean): { usd: bigint | null; eth: bigint | null } {
  if (!byValue) return { usd: priceUsd(values), eth: big(values.priceEthE18) };
  const usdPrice = big(values.priceUsdE18 ?? null);
  const balance = big(values.balance);
  const valueUsd =
    usd(big(values.valueWei), values) ??
    (usdPrice !== null && balance !== null && values.decimals !== null ? valueInWei(balance, values.decimals, usdPrice) : null);
  return { usd: valueUsd, eth: big(values.valueWei) };
}

function change(latest: HoldingValues, looked: HoldingValues | null): number | null {
  if (!looked) return null;
  const hasValue = (v: HoldingValues) => v.valueWei !== null || (v.balance !== null && v.priceUsdE18 != null);
  const byValue = hasValue(latest) && hasValue(looked);
  const now = measure(latest, byValue);
  const then = measure(looked, byValue);
  if (now.usd !== null && then.usd !== null) return changeInBasisPoints(then.usd, now.usd);
  if (now.eth !== null && then.eth !== null) return changeInBasisPoints(then.eth, now.eth);
  return null;
}

export function toHoldingView(row: HoldingRow): HoldingView {
  const { latest, looked } = row;
  const priceEthE18 = big(latest.priceEthE18);
  const valueWei = big(latest.valueWei);
  const valueUsdE18 = latest.balance === null ? null : measure(latest, true).usd;
  return {
    tokenId: row.tokenId,
    symbol: latest.symbol ?? '???',
    name: latest.name ?? latest.symbol ?? 'Unknown token',
    decimals: latest.decimals ?? 18,
    balance: big(latest.balance),
    priceEthE18,
    priceUsdE18: priceUsd(latest),
    valueWei,
    valueUsdE18,
    ethUsdE18: big(latest.ethUsdE18),
    priceSource: latest.priceSource ?? null,
    noUsdPrice: latest.ethUsdE18 === null,
    changeBasisPoints: change(latest, looked),
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

/**
 * How many holdings have a value known only in the other unit (a chain with no ETH/USD price gives
 * ETH only): the total in `currency` leaves them out, and home says so beside it.
 */
export function valuedOnlyInOther(views: HoldingView[], currency: Currency): number {
  return views.filter((v) =>
    currency === 'USD' ? v.valueUsdE18 === null && v.valueWei !== null : v.valueWei === null && v.valueUsdE18 !== null,
  ).length;
}

/** Sum of the values that are known, per unit. */
export function totalMoney(views: HoldingView[]): Money {
  return sumMoney(views.map(valueMoney));
}
