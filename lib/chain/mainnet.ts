import { MULTICALL3, UNISWAP_V2_PAIR_INIT_CODE_HASH, UNISWAP_V3_POOL_INIT_CODE_HASH } from './sources';
import type { ChainConfig } from './types';

// Ethereum mainnet. Every address's source is named beside it (see also ./sources.ts), and was
// checked against stored copies of Uniswap/sdks sdks/sdk-core/src/addresses.ts (commit d90bb7d:
// V2_FACTORY_ADDRESSES, MAINNET_ADDRESSES) and Uniswap/smart-order-router's USDC_MAINNET — not
// against the live chain (no network here). The RPC defaults are public endpoints the holder can
// replace in settings.
export const ETHEREUM_MAINNET: ChainConfig = {
  chainId: 1,
  name: 'Ethereum',
  // PublicNode's and Cloudflare's free Ethereum endpoints (publicnode.com; Cloudflare's "Ethereum
  // Gateway" docs). Not in viem's definition (its default is ethereum.reth.rs); not checked live.
  rpcUrls: ['https://ethereum-rpc.publicnode.com', 'https://cloudflare-eth.com'],
  multicall3: MULTICALL3,
  // WETH9: Uniswap sdk-core WETH9[1]; etherscan.io "Wrapped Ether".
  weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  // USDC: developers.circle.com/stablecoins/usdc-contract-addresses (Ethereum).
  stablecoin: { address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', decimals: 6 },
  uniswapV2: {
    // docs.uniswap.org/contracts/v2/reference/smart-contracts/v2-deployments (Mainnet).
    factory: '0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f',
    pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH,
    weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  },
  // docs.uniswap.org/contracts/v3/reference/deployments/ethereum-deployments (UniswapV3Factory).
  uniswapV3: { factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984', poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH },
  // docs.uniswap.org/contracts/v4/deployments (Ethereum: 1).
  uniswapV4: { poolManager: '0x000000000004444c5dc75cB358380D2e3dE08A90', stateView: '0x7fFE42C4a5DEeA5b0feC41C94C136Cf115597227' },
};
