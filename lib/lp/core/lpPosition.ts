import { tokenPriceInEthE18, valueInWei } from '../../holdings/core/valuation';
import type { LpReading } from './lpReads';

// Amounts exactly as UniswapV2Pair.burn pays them: amount = liquidity × balance / totalSupply,
// rounded down. burn uses the pair's balances, which equal the reserves unless someone sent
// tokens without sync(); and with the protocol fee on (feeTo set) burn first mints the fee to
// feeTo, growing totalSupply slightly, so there the figure is an upper bound by that fee.

export function underlyingOf(lp: bigint, reserve: bigint, lpSupply: bigint): bigint {
  return lpSupply === 0n ? 0n : (lp * reserve) / lpSupply;
}

export interface LpPosition {
  lpInWallet: bigint;
  lpStaked: bigint;
  lpTotal: bigint;
  /** Creator tokens and quote tokens (ETH) the whole position (wallet + staked) would return. */
  tokenAmount: bigint;
  quoteAmount: bigint;
  /** Share of the pool, ×1e18 (1e18 = the whole pool). */
  shareE18: bigint;
  /** Value in wei (quote units) at the pool's own spot price. */
  valueWei: bigint;
}

/** The holder's position in one pair, wallet and staked LP together (as burn would pay in one go). */
export function lpPosition(reading: LpReading, tokenDecimals: number): LpPosition {
  const lpStaked = reading.staking?.staked ?? 0n;
  const lpTotal = reading.lpInWallet + lpStaked;
  const tokenAmount = underlyingOf(lpTotal, reading.tokenReserve, reading.lpSupply);
  const quoteAmount = underlyingOf(lpTotal, reading.quoteReserve, reading.lpSupply);
  const price = tokenPriceInEthE18({ tokenReserve: reading.tokenReserve, wethReserve: reading.quoteReserve }, tokenDecimals);
  return {
    lpInWallet: reading.lpInWallet,
    lpStaked,
    lpTotal,
    tokenAmount,
    quoteAmount,
    shareE18: reading.lpSupply === 0n ? 0n : (lpTotal * 10n ** 18n) / reading.lpSupply,
    valueWei: valueInWei(tokenAmount, tokenDecimals, price) + quoteAmount,
  };
}
