import type { StoredPriceSource } from '@/lib/db/rows';
import { formatEthE18, formatUsdE18 } from '@/lib/format/format';
import type { Currency } from '@/lib/format/money';

const PROTOCOL = { v2: 'Uniswap V2', v3: 'Uniswap V3', v4: 'Uniswap V4' } as const;

/** What the popup says where a price is known in ETH only: the chain's ETH/USD pools gave no price. */
export const NO_USD_PRICE = 'No USD price: no ETH/USD pool on this chain is deep enough';

/** The depth as stored: in USD, or in ETH when the chain had no ETH/USD price. */
function depthOf(source: StoredPriceSource): { unit: 'USD' | 'ETH'; amountE18: bigint } {
  if (source.depthUsdE18 !== null) return { unit: 'USD', amountE18: BigInt(source.depthUsdE18) };
  return { unit: 'ETH', amountE18: BigInt(source.depthEthE18 ?? '0') };
}

function fullDepth(source: StoredPriceSource, locale?: string): string {
  const depth = depthOf(source);
  return depth.unit === 'USD' ? formatUsdE18(depth.amountE18, locale) : formatEthE18(depth.amountE18, locale);
}

/**
 * Where a price comes from, in one sentence: protocol, fee tier, pair (and the intermediate
 * coin's pool), and depth. For a pool below the minimum depth, why no price is shown. A depth in
 * ETH means the chain had no ETH/USD price: the sentence says so.
 */
export function describePriceSource(source: StoredPriceSource, locale?: string): string {
  const pool = poolName(source, locale);
  const depth = fullDepth(source, locale);
  const inEth = depthOf(source).unit === 'ETH';
  if (source.reliable) return `${pool}, ${depth} deep${inEth ? `. ${NO_USD_PRICE}, so the price is in ETH only.` : ''}`;
  const minimum = inEth ? 'Minimum depth: Settings, in ETH at the rate shown there' : 'Minimum depth: Settings';
  return `The deepest pool, ${pool}, is only ${depth} deep: one small trade could move its price. (${minimum}.)`;
}

function poolName(source: StoredPriceSource, locale?: string): string {
  const fee = source.fee === null ? '' : ` ${(source.fee / 10_000).toLocaleString(locale, { maximumFractionDigits: 2 })}%`;
  return `${PROTOCOL[source.protocol]}${fee} ${source.pair}${source.via ? ` via ${source.via}` : ''}`;
}

/**
 * The same in a list row's few words: "Uniswap V4 0.3% JESS/WETH · $60K deep", or why
 * there is no price ("No reliable price: …"), or null when nothing was read. A price known in
 * ETH only adds "no USD price" when the holder shows USD.
 */
export function shortPriceLine(source: StoredPriceSource | null, currency: Currency, locale?: string): string | null {
  if (!source) return null;
  if (!source.reliable) return `No reliable price: ${poolName(source, locale)} is only ${fullDepth(source, locale)} deep`;
  const depth = depthOf(source);
  const line = `${poolName(source, locale)} · ${compact(depth.amountE18, depth.unit, locale)} deep`;
  return depth.unit === 'ETH' && currency === 'USD' ? `${line} · no USD price` : line;
}

/** "$60K", "$1.2M", "12.5 ETH": a depth at a glance in a narrow row (cents of depth say nothing). */
function compact(amountE18: bigint, unit: 'USD' | 'ETH', locale?: string): string {
  const amount = Number(amountE18 / 10n ** 16n) / 100;
  if (unit === 'ETH') return `${new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(amount)} ETH`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 }).format(
    amount,
  );
}
