// Prices and values as 18-decimal fixed-point bigints: no float ever decides an amount.
const E18 = 10n ** 18n;

export interface PoolReserves {
  tokenReserve: bigint;
  wethReserve: bigint;
}

/** ETH per one whole token (×1e18), the pool's spot price. */
export function tokenPriceInEthE18(pool: PoolReserves, tokenDecimals: number): bigint {
  if (pool.tokenReserve === 0n) return 0n;
  return (pool.wethReserve * 10n ** BigInt(tokenDecimals)) / pool.tokenReserve;
}

/** USD per ETH (×1e18) from a WETH/stablecoin pool whose stable reserve is normalised to 18 decimals. */
export function ethPriceInUsdE18(pool: { wethReserve: bigint; stableReserveE18: bigint }): bigint {
  if (pool.wethReserve === 0n) return 0n;
  return (pool.stableReserveE18 * E18) / pool.wethReserve;
}

/** Value in wei of `balance` base units at `priceEthE18` per whole token. */
export function valueInWei(balance: bigint, tokenDecimals: number, priceEthE18: bigint): bigint {
  return (balance * priceEthE18) / 10n ** BigInt(tokenDecimals);
}

/** Converts an ETH amount (×1e18) to USD (×1e18). */
export function ethToUsdE18(amountEthE18: bigint, ethUsdE18: bigint): bigint {
  return (amountEthE18 * ethUsdE18) / E18;
}

/** Relative change in basis points (1/100 of a percent); null when there is no base to compare. */
export function changeInBasisPoints(previous: bigint, current: bigint): number | null {
  if (previous === 0n) return null;
  return Number(((current - previous) * 10_000n) / previous);
}
