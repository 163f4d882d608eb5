import type { Address, Hex } from 'viem';

/** Everything the extension needs to read one chain. Addresses are per chain, never guessed. */
export interface ChainConfig {
  chainId: number;
  name: string;
  /** Default RPC endpoints, tried in order; the holder can replace them in settings. */
  rpcUrls: string[];
  multicall3: Address;
  /** Wrapped ether: the quote asset most creator coins trade against. */
  weth: Address;
  /** A dollar stablecoin (native USDC on the release chains): the USD leg of every price. */
  stablecoin: { address: Address; symbol: string; decimals: number };
  uniswapV2: {
    factory: Address;
    /** keccak256 of the pair creation code; lets us derive pair addresses without a request. */
    pairInitCodeHash: Hex;
    weth: Address;
  };
  /** Uniswap V3, where deployed: pools are CREATE2 children of the factory. */
  uniswapV3?: { factory: Address; poolInitCodeHash: Hex };
  /** Uniswap V4, where deployed: one PoolManager holds every pool, StateView reads it. */
  uniswapV4?: {
    poolManager: Address;
    stateView: Address;
    /**
     * Pools with hooks whose hook contract is known and trusted to keep the pool's spot price
     * honest (e.g. Zora's coin hooks on Base): read for every token beside the hookless shapes.
     * A pool with an unknown hook is never read.
     */
    hookedPools?: V4HookedShape[];
  };
  /**
   * Coins other creator coins trade against (as Zora creator coins trade against another coin):
   * a token without a direct WETH or stablecoin pool is priced through one of these.
   */
  hubTokens?: Address[];
  /** True for local development chains (only in devnet builds). */
  isDevnet?: boolean;
}

/** A V4 pool shape with a known hook; `fee` may carry V4's dynamic-fee flag (0x800000). */
export interface V4HookedShape {
  fee: number;
  tickSpacing: number;
  hooks: Address;
  /**
   * The currencies this hook's pools pair a coin with (address(0): native ETH). Only those pools
   * can exist, so only those are read: a hook read against every quote costs reads for nothing.
   */
  pairedWith: Address[];
  /** Where the hook address comes from (a deployments file), for the reader of the config. */
  source: string;
}
