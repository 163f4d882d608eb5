import type { StoredPriceSource } from '@/lib/db/rows';
import { formatUsdE18 } from '@/lib/format/format';

const PROTOCOL = { v2: 'Uniswap V2', v3: 'Uniswap V3', v4: 'Uniswap V4' } as const;

/**
 * Where a price comes from, in one sentence: protocol, fee tier, pair (and the intermediate
 * coin's pool), and depth. For a pool below the minimum depth, why no price is shown.
 */
export function describePriceSource(source: StoredPriceSource, locale?: string): string {
  const fee = source.fee === null ? '' : ` ${(source.fee / 10_000).toLocaleString(locale, { maximumFractionDigits: 2 })}%`;
  const pool = `${PROTOCOL[source.protocol]}${fee} ${source.pair}${source.via ? ` via ${source.via}` : ''}`;
  const depth = formatUsdE18(BigInt(source.depthUsdE18), locale);
  if (source.reliable) return `${pool}, ${depth} deep`;
  return `The deepest pool, ${pool}, is only ${depth} deep: one small trade could move its price. (Minimum depth: Settings.)`;
}
