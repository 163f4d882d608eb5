// Constants shared by several chains, each with where it comes from.

/**
 * Multicall3, at the same address on every chain: github.com/mds1/multicall (README, "Deployments");
 * also viem 2.57.20's `contracts.multicall3` for mainnet, base, optimism and arbitrum.
 */
export const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;

/**
 * keccak256 of the UniswapV2Pair creation code: Uniswap/v2-sdk src/constants.ts INIT_CODE_HASH,
 * which the SDK uses with the per-chain factories of sdk-core's V2_FACTORY_ADDRESSES (so the L2
 * deployments share it).
 */
export const UNISWAP_V2_PAIR_INIT_CODE_HASH = '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f' as const;

/**
 * keccak256 of the UniswapV3Pool creation code: Uniswap/v3-periphery
 * contracts/libraries/PoolAddress.sol POOL_INIT_CODE_HASH (and v3-sdk's POOL_INIT_CODE_HASH).
 */
export const UNISWAP_V3_POOL_INIT_CODE_HASH = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54' as const;

/**
 * WETH on OP Stack chains is the predeploy at this address: docs.optimism.io "Predeploys" (WETH9),
 * docs.base.org ecosystem contracts; Uniswap sdk-core WETH9[10] and WETH9[8453].
 */
export const OP_STACK_WETH = '0x4200000000000000000000000000000000000006' as const;
