import { tokenPriceInEthE18, valueInWei } from '../../holdings/core/valuation';
import type { LpReading } from './lpReads';

// Amounts exactly as UniswapV2Pair.burn pays them: amount = liquidity × balance / totalSupply,
// rounded down. burn uses the pair's balances, which equal the reserves unless someone sent
// tokens without sync(). With the protocol fee on (the factory's feeTo set), burn first mints
// the protocol's share of the growth of √k since kLast to feeTo (_mintFee), so it divides by
// that larger supply: burnSupply() below, applied to every figure.

export function underlyingOf(lp: bigint, reserve: bigint, lpSupply: bigint): bigint {
  return lpSupply === 0n ? 0n : (lp * reserve) / lpSupply;
}

/** ⌊√y⌋ by the Babylonian method, step for step as Uniswap V2's Math.sqrt. */
export function sqrtFloor(y: bigint): bigint {
  if (y > 3n) {
    let z = y;
    let x = y / 2n + 1n;
    while (x < z) {
      z = x;
      x = (y / x + x) / 2n;
    }
    return z;
  }
  return y === 0n ? 0n : 1n;
}

export type PoolForFee = Pick<LpReading, 'tokenReserve' | 'quoteReserve' | 'lpSupply' | 'kLast' | 'protocolFeeOn'>;

/** The LP UniswapV2Pair._mintFee mints to feeTo at the next burn or mint: 1/6 of √k's growth since kLast. */
export function protocolFeeLp(pool: PoolForFee): bigint {
  if (!pool.protocolFeeOn || pool.kLast === 0n) return 0n;
  const rootK = sqrtFloor(pool.tokenReserve * pool.quoteReserve);
  const rootKLast = sqrtFloor(pool.kLast);
  if (rootK <= rootKLast) return 0n;
  return (pool.lpSupply * (rootK - rootKLast)) / (rootK * 5n + rootKLast);
}

/** The totalSupply burn divides by: today's supply plus the protocol fee it mints first. */
export function burnSupply(pool: PoolForFee): bigint {
  return pool.lpSupply + protocolFeeLp(pool);
}

export interface LpPosition {
  lpInWallet: bigint;
  lpStaked: bigint;
  lpTotal: bigint;
  /** Creator tokens and quote tokens (ETH) the whole position (wallet + staked) would return. */
  tokenAmount: bigint;
  quoteAmount: bigint;
  /** Share of the pool, ×1e18 (1e18 = the whole pool), of the supply burn would divide by. */
  shareE18: bigint;
  /** Value in wei (quote units) at the pool's own spot price. */
  valueWei: bigint;
}

/** The holder's position in one pair, wallet and staked LP together (as burn would pay in one go). */
export function lpPosition(reading: LpReading, tokenDecimals: number): LpPosition {
  const lpStaked = reading.staking?.staked ?? 0n;
  const lpTotal = reading.lpInWallet + lpStaked;
  const supply = burnSupply(reading);
  const tokenAmount = underlyingOf(lpTotal, reading.tokenReserve, supply);
  const quoteAmount = underlyingOf(lpTotal, reading.quoteReserve, supply);
  const price = tokenPriceInEthE18({ tokenReserve: reading.tokenReserve, wethReserve: reading.quoteReserve }, tokenDecimals);
  return {
    lpInWallet: reading.lpInWallet,
    lpStaked,
    lpTotal,
    tokenAmount,
    quoteAmount,
    shareE18: supply === 0n ? 0n : (lpTotal * 10n ** 18n) / supply,
    valueWei: valueInWei(tokenAmount, tokenDecimals, price) + quoteAmount,
  };
}
