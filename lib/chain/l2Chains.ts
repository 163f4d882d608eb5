import type { Address } from 'viem';
import { MULTICALL3, OP_STACK_WETH, UNISWAP_V2_PAIR_INIT_CODE_HASH, UNISWAP_V3_POOL_INIT_CODE_HASH } from './sources';
import type { ChainConfig, V4HookedShape } from './types';

// The L2s of the release build. Sources per address:
//  - Uniswap V2 factories: docs.uniswap.org/contracts/v2/reference/smart-contracts/v2-deployments
//  - Uniswap V3 factories: docs.uniswap.org/contracts/v3/reference/deployments/<chain>-deployments
//    (Base: base-deployments, also docs.base.org "Ecosystem contracts" v3CoreFactory; Optimism and
//    Arbitrum: Uniswap/v3-periphery deploys.md, same address as mainnet)
//  - Uniswap V4 PoolManager and StateView: docs.uniswap.org/contracts/v4/deployments
//  - USDC (native, issued by Circle): developers.circle.com/stablecoins/usdc-contract-addresses
//  - WETH: OP Stack predeploy (./sources.ts); Arbitrum: Uniswap sdk-core WETH9[42161], and
//    OffchainLabs/arbitrum-orbit-sdk src/contracts/WETH.ts (docs.arbitrum.io contract addresses)
//  - RPC defaults: each chain's own public endpoint (docs.base.org, docs.optimism.io,
//    docs.arbitrum.io) and PublicNode's free endpoint.

/**
 * ZORA on Base: the coin Zora creator coins are paired with (the `CURRENCY` of
 * ourzora/zora-protocol packages/coins/src/libs/CreatorCoinConstants.sol), so a creator coin
 * with no WETH or USDC pool is priced through ZORA's own WETH/USDC pools.
 */
export const BASE_ZORA = '0x1111111111166b7FE7bd91427724B487980aFc69';

/**
 * Zora's coin hooks on Base, from ourzora/zora-protocol packages/coins/addresses/8453.json
 * (COIN_VERSION 1.1.0: CREATOR_COIN_HOOK, ZORA_V4_COIN_HOOK). Tick spacing 200 and the 1% fee
 * are CoinConstants.sol's TICK_SPACING and LP_FEE_V4; live creator-coin pools also use 3%
 * (30000), so both are read. Coins on later hook versions are not read (their hooks are not
 * in that file).
 */
const ZORA_HOOKS_SOURCE = 'ourzora/zora-protocol packages/coins/addresses/8453.json';
const ZORA_HOOKS: Address[] = ['0xd61A675F8a0c67A73DC3B54FB7318B4D91409040', '0x9ea932730A7787000042e34390B8E435dD839040'];
const BASE_ZORA_HOOKED_POOLS: V4HookedShape[] = ZORA_HOOKS.flatMap((hooks) =>
  [10_000, 30_000].map((fee) => ({ fee, tickSpacing: 200, hooks, source: ZORA_HOOKS_SOURCE })),
);

const BASE_V2_FACTORY = '0x8909Dc15e40173Ff4699343b6eB8132c65e18eC6';
const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
export const BASE: ChainConfig = {
  chainId: 8453,
  name: 'Base',
  rpcUrls: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'],
  multicall3: MULTICALL3,
  weth: OP_STACK_WETH,
  stablecoin: { address: BASE_USDC, symbol: 'USDC', decimals: 6 },
  uniswapV2: { factory: BASE_V2_FACTORY, pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH, weth: OP_STACK_WETH },
  uniswapV3: { factory: '0x33128a8fC17869897dcE68Ed026d694621f6FDfD', poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH },
  uniswapV4: {
    poolManager: '0x498581fF718922c3f8e6A244956aF099B2652b2b',
    stateView: '0xA3c0c9b65baD0b08107Aa264b0f3dB444b867A71',
    hookedPools: BASE_ZORA_HOOKED_POOLS,
  },
  hubTokens: [BASE_ZORA],
  // The pair: CREATE2 of the V2 factory for WETH/USDC, written out so no keccak runs when the
  // service worker starts (releaseChains.test.ts derives it again).
  usdPrice: { pair: '0x88A43bbDF9D098eEC7bCEda4e2494615dfD9bB9C', stablecoin: BASE_USDC, stablecoinDecimals: 6 },
};

const OPTIMISM_V2_FACTORY = '0x0c3c1c532F1e39EdF36BE9Fe0bE1410313E074Bf';
const OPTIMISM_USDC = '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85';
export const OPTIMISM: ChainConfig = {
  chainId: 10,
  name: 'Optimism',
  rpcUrls: ['https://mainnet.optimism.io', 'https://optimism-rpc.publicnode.com'],
  multicall3: MULTICALL3,
  weth: OP_STACK_WETH,
  stablecoin: { address: OPTIMISM_USDC, symbol: 'USDC', decimals: 6 },
  uniswapV2: { factory: OPTIMISM_V2_FACTORY, pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH, weth: OP_STACK_WETH },
  uniswapV3: { factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984', poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH },
  uniswapV4: { poolManager: '0x9a13F98Cb987694C9F086b1F5eB990EeA8264Ec3', stateView: '0xc18a3169788F4F75A170290584ECA6395C75Ecdb' },
  usdPrice: {
    pair: '0x4C43646304492A925E335f2b6d840C1489f17815', // CREATE2 of the V2 factory for WETH/USDC, as above
    stablecoin: OPTIMISM_USDC,
    stablecoinDecimals: 6,
  },
};

const ARBITRUM_V2_FACTORY = '0xf1D7CC64Fb4452F05c498126312eBE29f30Fbcf9';
const ARBITRUM_WETH = '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1';
const ARBITRUM_USDC = '0xaf88d065e77c8cC2239327C5EDb3A432268e5831';
export const ARBITRUM_ONE: ChainConfig = {
  chainId: 42161,
  name: 'Arbitrum One',
  rpcUrls: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com'],
  multicall3: MULTICALL3,
  weth: ARBITRUM_WETH,
  stablecoin: { address: ARBITRUM_USDC, symbol: 'USDC', decimals: 6 },
  uniswapV2: { factory: ARBITRUM_V2_FACTORY, pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH, weth: ARBITRUM_WETH },
  uniswapV3: { factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984', poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH },
  uniswapV4: { poolManager: '0x360E68faCcca8cA495c1B759Fd9EEe466db9FB32', stateView: '0x76Fd297e2D437cd7f76d50F01AfE6160f86e9990' },
  usdPrice: {
    pair: '0xF64Dfe17C8b87F012FCf50FbDA1D62bfA148366a', // CREATE2 of the V2 factory for WETH/USDC, as above
    stablecoin: ARBITRUM_USDC,
    stablecoinDecimals: 6,
  },
};
