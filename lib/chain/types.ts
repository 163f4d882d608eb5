import type { Address, Hex } from 'viem';

/** Everything the extension needs to read one chain. Addresses are per chain, never guessed. */
export interface ChainConfig {
  chainId: number;
  name: string;
  /** Default RPC endpoints, tried in order; the holder can replace them in settings. */
  rpcUrls: string[];
  multicall3: Address;
  uniswapV2: {
    factory: Address;
    /** keccak256 of the pair creation code; lets us derive pair addresses without a request. */
    pairInitCodeHash: Hex;
    weth: Address;
  };
  /** A WETH/dollar-stablecoin Uniswap V2 pair: the on-chain ETH/USD price source. */
  usdPrice: { pair: Address; stablecoin: Address; stablecoinDecimals: number };
  /** True for local development chains (only in devnet builds). */
  isDevnet?: boolean;
}
