import type { Address } from 'viem';
import { uniswapV2PairAddress } from './pairAddress';
import type { ChainConfig } from './types';

// The devnet deploys the same contracts in the same order from a fixed deployer on each chain,
// so every address below is the same on every run. `test/devnet` asserts it after deploying.
// Chain A's deployer is anvil account 0, chain B's is anvil account 9, so no address repeats
// across the two chains (a mix-up between chains cannot pass unnoticed).

const UNISWAP_V2_PAIR_INIT_CODE_HASH =
  '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f' as const;

export const DEVNET_A = {
  chainId: 31337,
  port: 8545,
  deployer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  weth: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  factory: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  router: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
  multicall3: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
  usdc: '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9',
  creatorToken: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707', // ALEX
} as const satisfies Record<string, Address | number>;

export const DEVNET_B = {
  chainId: 31338,
  port: 8546,
  deployer: '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720',
  weth: '0x700b6A60ce7EaaEA56F065753d8dcB9653dbAD35',
  factory: '0xA15BB66138824a1c7167f5E85b957d04Dd34E468',
  router: '0xb19b36b1456E65E3A6D514D3F715f204BD59f431',
  multicall3: '0x8ce361602B935680E8DeC218b820ff5056BeB7af',
  usdc: '0xe1Aa25618fA0c7A1CFDab5d6B456af611873b629',
  creatorToken: '0xe1DA8919f262Ee86f9BE05059C9280142CF23f48', // MIKE
} as const satisfies Record<string, Address | number>;

export type DevnetDeployment = typeof DEVNET_A | typeof DEVNET_B;

function chainConfigFor(d: DevnetDeployment, name: string): ChainConfig {
  const usdPair = uniswapV2PairAddress(d.factory, UNISWAP_V2_PAIR_INIT_CODE_HASH, d.weth, d.usdc);
  return {
    chainId: d.chainId,
    name,
    rpcUrls: [`http://127.0.0.1:${d.port}`],
    multicall3: d.multicall3,
    weth: d.weth,
    stablecoin: { address: d.usdc, symbol: 'USDC', decimals: 18 },
    uniswapV2: { factory: d.factory, pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH, weth: d.weth },
    usdPrice: { pair: usdPair, stablecoin: d.usdc, stablecoinDecimals: 18 },
    isDevnet: true,
  };
}

export const DEVNET_CHAINS: ChainConfig[] = [
  /* @__PURE__ */ chainConfigFor(DEVNET_A, 'Devnet A'),
  /* @__PURE__ */ chainConfigFor(DEVNET_B, 'Devnet B'),
];
