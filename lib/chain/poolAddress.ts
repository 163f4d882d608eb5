import { encodeAbiParameters, getCreate2Address, keccak256, zeroAddress, type Address, type Hex } from 'viem';
import { sortTokens } from './pairAddress';

/** V3's standard fee tiers (hundredths of a bip) and their tick spacings, as the factory enables them. */
export const UNISWAP_V3_FEES = [100, 500, 3000, 10000] as const;

/**
 * The V4 fee/tick-spacing pairs most pools use (the V3 tiers' pairs, which the Uniswap interface
 * offers by default). Hookless: a pool with an unknown hook can behave in ways a spot read cannot
 * see, so only hooks a chain config names (`uniswapV4.hookedPools`) are read besides these.
 */
export const UNISWAP_V4_POOL_SHAPES = [
  { fee: 100, tickSpacing: 1 },
  { fee: 500, tickSpacing: 10 },
  { fee: 3000, tickSpacing: 60 },
  { fee: 10000, tickSpacing: 200 },
] as const;

/** A V3 pool's address as the factory's CREATE2 gives it: salt = keccak(abi.encode(token0, token1, fee)). */
export function uniswapV3PoolAddress(factory: Address, initCodeHash: Hex, a: Address, b: Address, fee: number): Address {
  const [token0, token1] = sortTokens(a, b);
  return getCreate2Address({
    from: factory,
    salt: keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [token0, token1, fee])),
    bytecodeHash: initCodeHash,
  });
}

export interface V4PoolKey {
  currency0: Address;
  currency1: Address;
  fee: number;
  tickSpacing: number;
  hooks: Address;
}

/** The PoolKey for two currencies (address(0) is native ETH), sorted as V4 requires; hookless unless `hooks` is given. */
export function v4PoolKey(a: Address, b: Address, fee: number, tickSpacing: number, hooks: Address = zeroAddress): V4PoolKey {
  const [currency0, currency1] = sortTokens(a, b);
  return { currency0, currency1, fee, tickSpacing, hooks };
}

/** V4's dynamic-fee flag in a PoolKey's fee: the hook sets the fee per swap, so no fixed tier to show. */
export const V4_DYNAMIC_FEE_FLAG = 0x800000;

/** PoolId = keccak256(abi.encode(PoolKey)): what StateView is asked about. */
export function uniswapV4PoolId(key: V4PoolKey): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'address' }, { type: 'address' }, { type: 'uint24' }, { type: 'int24' }, { type: 'address' }],
      [key.currency0, key.currency1, key.fee, key.tickSpacing, key.hooks],
    ),
  );
}
