import type { Address } from 'viem';
import type { ChainConfig } from './types';

// The devnet deploys the same contracts in the same order from a fixed deployer on each chain,
// so every address below is the same on every run. `test/devnet` asserts it after deploying.
// Chain A's deployer is anvil account 0, chain B's is anvil account 9, so no address repeats
// across the two chains (a mix-up between chains cannot pass unnoticed).

const UNISWAP_V2_PAIR_INIT_CODE_HASH = '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f' as const;

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

/**
 * Chain C stands in for Base: Uniswap V2 for ETH/USD only, and creator coins that trade only in
 * Uniswap V3 or V4 pools, as on Base. Its own chain id (84530, not 8453) so that a devnet build,
 * which also knows the real Base, never confuses the two. Deployer: anvil account 6.
 */
export const DEVNET_C = {
  chainId: 84530,
  port: 8547,
  deployer: '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
  weth: '0x7ef8E99980Da5bcEDcF7C10f41E55f759F6A174B',
  factory: '0x82B769500E34362a76DF81150e12C746093D954F',
  router: '0x77c7E3905c21177Be97956c6620567596492C497',
  multicall3: '0x66Db6d191cd163F56197b767928A507dF8b47AA7',
  usdc: '0xbD3afEF4b26918cDb922F9D80aeA9b8e64524432',
  v3Factory: '0x1CfD8455F189c56a4FBd81EB7D4118DB04616BA8',
  poolManager: '0x3200B3E272007a8685B0C66c84eb4c03e7E29ed1',
  stateView: '0x591b594f01ae53BFf6Fb44C5dA0a16a62c2f3f6c',
  v4LiquidityRouter: '0x973Adb9DE34C974C3A421A870203C5be9059E9Fa',
  v3Minter: '0x8476FC408B2dF4d03E9705FC2768d9179B62800c',
  /** Priced only through a V3 pool against WETH. */
  lena: '0x00BBf6C4102a769076EC39ab0535c5635f2fDD6F',
  /** Priced only through a V4 pool against WETH. */
  jess: '0x239745750870104a7EC6126c89156D773088286c',
  /** The intermediate coin: ZED/WETH in V3. */
  zed: '0x781da48Ea17664D0b53d7645D50C5dAe93d27887',
  /** Priced only through ZED: a KAI/ZED V4 pool. */
  kai: '0x468603D798B4AEA92e7aa06493982F22804eBbEf',
  /** Only a thin V4 pool against WETH: no reliable price. */
  thin: '0xA28E65B0444392c7F591A321F9802d900A3229Bc',
} as const satisfies Record<string, Address | number>;

/** Keccak of UniswapV3Pool's creation code in @uniswap/v3-core: the canonical hash (./sources.ts). */
const UNISWAP_V3_POOL_INIT_CODE_HASH = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54' as const;

function chainConfigFor(d: DevnetDeployment | typeof DEVNET_C, name: string): ChainConfig {
  return {
    chainId: d.chainId,
    name,
    rpcUrls: [`http://127.0.0.1:${d.port}`],
    multicall3: d.multicall3,
    weth: d.weth,
    stablecoin: { address: d.usdc, symbol: 'USDC', decimals: 18 },
    uniswapV2: { factory: d.factory, pairInitCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH, weth: d.weth },
    isDevnet: true,
  };
}

function baseStandInConfig(): ChainConfig {
  const d = DEVNET_C;
  return {
    ...chainConfigFor(d, 'Devnet Base'),
    uniswapV3: { factory: d.v3Factory, poolInitCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH },
    uniswapV4: { poolManager: d.poolManager, stateView: d.stateView },
    hubTokens: [d.zed],
  };
}

export const DEVNET_CHAINS: ChainConfig[] = [
  /* @__PURE__ */ chainConfigFor(DEVNET_A, 'Devnet A'),
  /* @__PURE__ */ chainConfigFor(DEVNET_B, 'Devnet B'),
  /* @__PURE__ */ baseStandInConfig(),
];
