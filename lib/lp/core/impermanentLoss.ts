import { tokenPriceInEthE18, valueInWei } from '../../holdings/core/valuation';
import { underlyingOf } from './lpPosition';

/**
 * What the background stores the first time a holder is seen with LP in a pair (one row per
 * [account, chainId, pair]): the LP and what it was worth in both tokens at that block. Kept
 * until the LP drops to zero, so impermanent loss is measured from the first sighting.
 */
export interface LpEntryRecord {
  chainId: number;
  pair: string;
  account: string;
  blockNumber: bigint;
  /** Seconds, for "since <date>". */
  timestamp: bigint;
  lp: bigint;
  tokenAmount: bigint;
  quoteAmount: bigint;
}

export interface PoolNow {
  tokenReserve: bigint;
  quoteReserve: bigint;
  lpSupply: bigint;
}

export function lpEntryRecord(base: Omit<LpEntryRecord, 'tokenAmount' | 'quoteAmount'>, pool: PoolNow): LpEntryRecord {
  return {
    ...base,
    tokenAmount: underlyingOf(base.lp, pool.tokenReserve, pool.lpSupply),
    quoteAmount: underlyingOf(base.lp, pool.quoteReserve, pool.lpSupply),
  };
}

export interface ImpermanentLoss {
  /** Value now of the entry's LP (what burn would pay, at today's spot price), in wei. */
  lpValueWei: bigint;
  /** Value now of having kept the entry's two amounts instead, in wei. */
  holdValueWei: bigint;
  /** (lp − hold) / hold in basis points: negative is a loss. Pool fees earned are included. */
  changeBps: number;
}

/**
 * LP vs holding, for the LP the holder had at the entry (or less, if they removed some since):
 * both sides valued at today's pool price. Without fees this equals 2·√r / (1 + r) − 1 for a
 * price ratio r; with fees the pool's growth shows up as a smaller loss.
 */
export function impermanentLoss(entry: LpEntryRecord, lpNow: bigint, pool: PoolNow, tokenDecimals: number): ImpermanentLoss | null {
  const lp = lpNow < entry.lp ? lpNow : entry.lp;
  if (lp === 0n || entry.lp === 0n) return null;
  const price = tokenPriceInEthE18({ tokenReserve: pool.tokenReserve, wethReserve: pool.quoteReserve }, tokenDecimals);
  const lpValueWei =
    valueInWei(underlyingOf(lp, pool.tokenReserve, pool.lpSupply), tokenDecimals, price) +
    underlyingOf(lp, pool.quoteReserve, pool.lpSupply);
  const holdValueWei = valueInWei((entry.tokenAmount * lp) / entry.lp, tokenDecimals, price) + (entry.quoteAmount * lp) / entry.lp;
  if (holdValueWei === 0n) return null;
  return { lpValueWei, holdValueWei, changeBps: Number(((lpValueWei - holdValueWei) * 10_000n) / holdValueWei) };
}
