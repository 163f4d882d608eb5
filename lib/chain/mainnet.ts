import type { ChainConfig } from './types';

// Ethereum mainnet, from the contracts' own deployments: Multicall3 (mds1/multicall), Uniswap V2
// factory and WETH (Uniswap docs), and the Uniswap V2 USDC/WETH pair as the ETH/USD source.
// The RPC defaults are public endpoints; the holder can replace them in settings.
export const ETHEREUM_MAINNET: ChainConfig = {
  chainId: 1,
  name: 'Ethereum',
  rpcUrls: ['https://ethereum-rpc.publicnode.com', 'https://cloudflare-eth.com'],
  multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
  uniswapV2: {
    factory: '0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f',
    pairInitCodeHash: '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f',
    weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  },
  usdPrice: {
    pair: '0xB4e16d0168e52d35CaCD2c6185b44281Ec28C9Dc',
    stablecoin: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    stablecoinDecimals: 6,
  },
};
