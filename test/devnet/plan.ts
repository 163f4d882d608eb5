import { DEVNET_A, DEVNET_B } from '../../lib/chain/devnet';
import { ANVIL_ACCOUNTS } from './accounts';

// What the devnet puts on each chain, in base units (every token here has 18 decimals).
// Tests assert against these numbers, so change them only together with the tests.

const UNIT = 10n ** 18n;

export type DevnetChainId = typeof DEVNET_A.chainId | typeof DEVNET_B.chainId;

/** The dollar stablecoin: same on both chains. 1 ETH = 3,000 USDC in the WETH/USDC pool. */
export const DEVNET_USDC = {
  name: 'USD Coin (devnet)',
  symbol: 'USDC',
  supply: 100_000_000n * UNIT,
  wethUsdcLiquidity: { eth: 1_000n * UNIT, token: 3_000_000n * UNIT },
} as const;

/** Each chain's creator token and its creator/WETH pool, all minted to and seeded by the deployer. */
export const DEVNET_CREATOR_TOKENS = {
  [DEVNET_A.chainId]: {
    name: 'Alex Masmej',
    symbol: 'ALEX',
    supply: 10_000_000n * UNIT,
    wethLiquidity: { token: 1_000_000n * UNIT, eth: 100n * UNIT }, // 10,000 ALEX per ETH
  },
  [DEVNET_B.chainId]: {
    name: 'Mike Merrill',
    symbol: 'MIKE',
    supply: 1_000_000n * UNIT,
    wethLiquidity: { token: 200_000n * UNIT, eth: 50n * UNIT }, // 4,000 MIKE per ETH
  },
} as const;

interface Holdings {
  /** The chain's creator token (ALEX on chain A, MIKE on chain B). */
  creatorToken: bigint;
  /** LP tokens of the chain's creator/WETH pair. */
  creatorWethLp: bigint;
}

/**
 * Anvil accounts 1..4, each with the usual 10,000 ETH plus what is listed per chain id.
 * Chain A's ALEX/WETH pool starts with exactly 10^22 LP tokens, so holder 1's 100 LP are 1% of it.
 */
export const DEVNET_HOLDERS = {
  /** A typical holder: some ALEX, an ALEX/WETH LP position, and some MIKE on chain B. */
  holder1: {
    ...ANVIL_ACCOUNTS[1],
    holdings: {
      [DEVNET_A.chainId]: { creatorToken: 12_500n * UNIT, creatorWethLp: 100n * UNIT },
      [DEVNET_B.chainId]: { creatorToken: 5_000n * UNIT, creatorWethLp: 10n * UNIT },
    },
  },
  /** A large holder (2.5% of ALEX, enough to swing a vote), no LP. */
  holder2: {
    ...ANVIL_ACCOUNTS[2],
    holdings: {
      [DEVNET_A.chainId]: { creatorToken: 250_000n * UNIT, creatorWethLp: 0n },
      [DEVNET_B.chainId]: { creatorToken: 40_000n * UNIT, creatorWethLp: 0n },
    },
  },
  /** Holds nothing: empty states, gates that stay shut. */
  holder3: {
    ...ANVIL_ACCOUNTS[3],
    holdings: {
      [DEVNET_A.chainId]: { creatorToken: 0n, creatorWethLp: 0n },
      [DEVNET_B.chainId]: { creatorToken: 0n, creatorWethLp: 0n },
    },
  },
  /** Exactly one token on each chain: the "hold 1 ALEX" gate threshold, hit exactly. */
  holder4: {
    ...ANVIL_ACCOUNTS[4],
    holdings: {
      [DEVNET_A.chainId]: { creatorToken: 1n * UNIT, creatorWethLp: 0n },
      [DEVNET_B.chainId]: { creatorToken: 1n * UNIT, creatorWethLp: 0n },
    },
  },
} as const satisfies Record<string, { holdings: Record<DevnetChainId, Holdings> }>;

/**
 * The deployer's transactions, one nonce each, identical on both chains. The extension hard-codes
 * the addresses of nonces 0..5 (lib/chain/devnet.ts); later additions (distributors, staking)
 * start at DEVNET_NEXT_NONCE, so never insert a step here, only append after it.
 * Chain A's deployer goes on with DEVNET_INCOME_STEPS (incomePlan.ts, nonces 14..26): a step
 * added here for both chains would shift chain A's income addresses, so append there instead.
 */
export const DEVNET_DEPLOY_STEPS = [
  'deploy WETH9', // 0
  'deploy UniswapV2Factory(feeToSetter = deployer)', // 1
  'deploy UniswapV2Router02(factory, weth)', // 2
  'deploy Multicall3', // 3
  'deploy USDC (TestERC20)', // 4
  'deploy creator token (TestERC20)', // 5
  'USDC.approve(router)', // 6
  'router.addLiquidityETH(USDC): creates WETH/USDC', // 7
  'creator.approve(router)', // 8
  'router.addLiquidityETH(creator): creates creator/WETH', // 9
  'creator.transfer(holder1)', // 10
  'creator.transfer(holder2)', // 11
  'creator.transfer(holder4)', // 12
  'creatorWethPair.transfer(holder1, LP)', // 13
] as const;

export const DEVNET_NEXT_NONCE = DEVNET_DEPLOY_STEPS.length;

/** Accounts that deploy the bench's extra creator tokens: never the main deployer, so its nonces stay put. */
export const DEVNET_BENCH_DEPLOYERS = {
  [DEVNET_A.chainId]: ANVIL_ACCOUNTS[8].address,
  [DEVNET_B.chainId]: ANVIL_ACCOUNTS[7].address,
} as const;
