import type { StoredPriceSource } from '@/lib/db/rows';
import { formatUsdE18 } from '@/lib/format/format';

const PROTOCOL = { v2: 'Uniswap V2', v3: 'Uniswap V3', v4: 'Uniswap V4' } as const;

/**
 * Where a price comes from, in one sentence: protocol, fee tier, pair (and the intermediate
 * coin's pool), and depth. For a pool below the minimum depth, why no price is shown.
 */
export function describePriceSource(source: StoredPriceSource, locale?: string): string {
  const pool = poolName(source, locale);
  const depth = formatUsdE18(BigInt(source.depthUsdE18), locale);
  if (source.reliable) return `${pool}, ${depth} deep`;
  return `The deepest pool, ${pool}, is only ${depth} deep: one small trade could move its price. (Minimum depth: Settings.)`;
}

function poolName(source: StoredPriceSource, locale?: string): string {
  const fee = source.fee === null ? '' : ` ${(source.fee / 10_000).toLocaleString(locale, { maximumFractionDigits: 2 })}%`;
  return `${PROTOCOL[source.protocol]}${fee} ${source.pair}${source.via ? ` via ${source.via}` : ''}`;
}

/**
 * The same in a list row's few words: "Uniswap V4 0.3% JESS/WETH · $60K deep", or why
 * there is no price ("No reliable price: …", "No ETH price"), or null when nothing was read.
 */
export function shortPriceLine(source: StoredPriceSource | null, noEthPrice: boolean, locale?: string): string | null {
  if (source && !source.reliable)
    return `No reliable price: ${poolName(source, locale)} is only ${formatUsdE18(BigInt(source.depthUsdE18), locale)} deep`;
  if (source) return `${poolName(source, locale)} · ${compactUsd(BigInt(source.depthUsdE18), locale)} deep`;
  return noEthPrice ? NO_ETH_PRICE : null;
}

/** What the popup says when the chain's ETH/USD pools gave no price: WETH-quoted pools cannot be valued. */
export const NO_ETH_PRICE = 'No ETH price: no ETH/USD pool on this chain answered deep enough, so pools against WETH cannot be valued';

/** "$60K", "$1.2M": a depth at a glance in a narrow row (cents of depth say nothing). */
function compactUsd(amountE18: bigint, locale?: string): string {
  const dollars = Number(amountE18 / 10n ** 16n) / 100;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 }).format(
    dollars,
  );
}
