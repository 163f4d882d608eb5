import { zeroAddress, type Address } from 'viem';
import { MULTICALL3, OP_STACK_WETH, UNISWAP_V2_PAIR_INIT_CODE_HASH, UNISWAP_V3_POOL_INIT_CODE_HASH } from './sources';
import type { ChainConfig, V4HookedShape } from './types';

// The L2s of the release build. Each address below names its source beside it; they were checked
// (no network here, so against stored copies of these files, not live chains) against:
//  - SDK: Uniswap/sdks sdks/sdk-core/src/addresses.ts (commit d90bb7d): V2_FACTORY_ADDRESSES,
//    v3CoreFactoryAddress, v4PoolManagerAddress, v4StateView per chain
//  - SOR: Uniswap/smart-order-router src/providers/token-provider.ts: USDC_NATIVE_<chain>
//  - viem 2.57.20 (node_modules/viem chains/definitions/<chain>.js): default RPC, multicall3
// and, as first written, the pages below:
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
 * (COIN_VERSION 1.1.0, commit c976b83: CREATOR_COIN_HOOK, ZORA_V4_COIN_HOOK). Tick spacing 200
 * and the 1% fee are packages/coins/src/libs/CoinConstants.sol's TICK_SPACING and LP_FEE_V4 (the
 * PoolKey of CoinSetup.buildPoolKey); 3% (30000) is read too because the previous config said
 * live creator-coin pools use it, which no source here confirms (not checked live: no network).
 * What each hook pairs with: a creator coin with CreatorCoinConstants.CURRENCY (ZORA); a content
 * coin with its backing currency, one of ZORA, ETH or the creator's coin (@zoralabs/coins-sdk
 * CreateConstants.ContentCoinCurrencies) — ETH read as native and as WETH, and a creator's coin
 * is not a hub here, so those pools cannot be priced anyway. Coins on later hook versions are not
 * read (their hooks are not in that file).
 */
const ZORA_HOOKS_SOURCE = 'ourzora/zora-protocol packages/coins/addresses/8453.json';
const CREATOR_COIN_HOOK: Address = '0xd61A675F8a0c67A73DC3B54FB7318B4D91409040';
const ZORA_V4_COIN_HOOK: Address = '0x9ea932730A7787000042e34390B8E435dD839040';
const ZORA_HOOK_PAIRINGS: [Address, Address[]][] = [
  [CREATOR_COIN_HOOK, [BASE_ZORA]],
  [ZORA_V4_COIN_HOOK, [BASE_ZORA, zeroAddress, OP_STACK_WETH]],
];
const BASE_ZORA_HOOKED_POOLS: V4HookedShape[] = ZORA_HOOK_PAIRINGS.flatMap(([hooks, pairedWith]) =>
  [10_000, 30_000].map((fee) => ({ fee, tickSpacing: 200, hooks, pairedWith, source: ZORA_HOOKS_SOURCE })),
);

const BASE_V2_FACTORY = '0x8909Dc15e40173Ff4699343b6eB8132c65e18eC6'; // SDK V2_FACTORY_ADDRESSES[BASE]
const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'; // SOR USDC_NATIVE_BASE; Circle's USDC page
export const BASE: ChainConfig = {
  chainId: 8453,
  name: 'Base',
  // viem base.rpcUrls.default; PublicNode's free endpoint (publicnode.com, not checked live).
  rpcUrls: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'],
  multicall3: MULTICALL3,
  weth: OP_STACK_WETH,
  stablecoin: { address: BASE_USDC, symbol: 'USDC', decimals: 6 },
  uniswapV2: { factory: BASE_V2_FACTORY, pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH, weth: OP_STACK_WETH },
  // SDK BASE_ADDRESSES.v3CoreFactoryAddress.
  uniswapV3: { factory: '0x33128a8fC17869897dcE68Ed026d694621f6FDfD', poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH },
  uniswapV4: {
    poolManager: '0x498581fF718922c3f8e6A244956aF099B2652b2b', // SDK BASE_ADDRESSES.v4PoolManagerAddress
    stateView: '0xA3c0c9b65baD0b08107Aa264b0f3dB444b867A71', // SDK BASE_ADDRESSES.v4StateView
    hookedPools: BASE_ZORA_HOOKED_POOLS,
  },
  hubTokens: [BASE_ZORA],
};

const OPTIMISM_V2_FACTORY = '0x0c3c1c532F1e39EdF36BE9Fe0bE1410313E074Bf'; // SDK V2_FACTORY_ADDRESSES[OPTIMISM]
const OPTIMISM_USDC = '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85'; // SOR USDC_NATIVE_OPTIMISM (not USDC.e 0x7F5c…1607)
export const OPTIMISM: ChainConfig = {
  chainId: 10,
  name: 'Optimism',
  // viem optimism.rpcUrls.default; PublicNode's free endpoint (not checked live).
  rpcUrls: ['https://mainnet.optimism.io', 'https://optimism-rpc.publicnode.com'],
  multicall3: MULTICALL3,
  weth: OP_STACK_WETH,
  stablecoin: { address: OPTIMISM_USDC, symbol: 'USDC', decimals: 6 },
  uniswapV2: { factory: OPTIMISM_V2_FACTORY, pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH, weth: OP_STACK_WETH },
  // SDK OPTIMISM_ADDRESSES: v3CoreFactoryAddress (DEFAULT_ADDRESSES), v4PoolManagerAddress, v4StateView.
  uniswapV3: { factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984', poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH },
  uniswapV4: { poolManager: '0x9a13F98Cb987694C9F086b1F5eB990EeA8264Ec3', stateView: '0xc18a3169788F4F75A170290584ECA6395C75Ecdb' },
};

const ARBITRUM_V2_FACTORY = '0xf1D7CC64Fb4452F05c498126312eBE29f30Fbcf9'; // SDK V2_FACTORY_ADDRESSES[ARBITRUM_ONE]
const ARBITRUM_WETH = '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1'; // Uniswap sdk-core WETH9[42161]
const ARBITRUM_USDC = '0xaf88d065e77c8cC2239327C5EDb3A432268e5831'; // SOR USDC_NATIVE_ARBITRUM (not USDC.e 0xFF97…5CC8)
export const ARBITRUM_ONE: ChainConfig = {
  chainId: 42161,
  name: 'Arbitrum One',
  // viem arbitrum.rpcUrls.default; PublicNode's free endpoint (not checked live).
  rpcUrls: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com'],
  multicall3: MULTICALL3,
  weth: ARBITRUM_WETH,
  stablecoin: { address: ARBITRUM_USDC, symbol: 'USDC', decimals: 6 },
  uniswapV2: { factory: ARBITRUM_V2_FACTORY, pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH, weth: ARBITRUM_WETH },
  // SDK ARBITRUM_ONE_ADDRESSES: v3CoreFactoryAddress (DEFAULT_ADDRESSES), v4PoolManagerAddress, v4StateView.
  uniswapV3: { factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984', poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH },
  uniswapV4: { poolManager: '0x360E68faCcca8cA495c1B759Fd9EEe466db9FB32', stateView: '0x76Fd297e2D437cd7f76d50F01AfE6160f86e9990' },
};
