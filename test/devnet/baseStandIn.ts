import { createRequire } from 'node:module';
import { encodeDeployData, encodeFunctionData, erc20Abi, getAddress, isHex, maxUint256, parseAbi, type Address, type Hex } from 'viem';
import { DEVNET_C } from '../../lib/chain/devnet';
import { sortTokens, uniswapV2PairAddress } from '../../lib/chain/pairAddress';
import { uniswapV3PoolAddress, uniswapV4PoolId, v4PoolKey, type V4PoolKey } from '../../lib/chain/poolAddress';
import { ANVIL_ACCOUNTS } from './accounts';
import { BYTECODE, factoryAbi, loadMulticall3Bytecode, routerAbi } from './artifacts';
import { devnetClient, sendInOrder, type DevnetTx } from './client';
import { deployTestErc20 } from './deployChain';
import { DEVNET_USDC } from './plan';
import { DEVNET_V3_MINTER_BYTECODE, devnetV3MinterAbi } from './v3Minter';

// Chain C, the Base stand-in: real Uniswap V3 (v3-core artifacts) and V4 (v4-core PoolManager,
// v4-periphery StateView) deployed from their npm packages, with creator coins that trade only in
// V3 or V4 pools, one only through an intermediate coin, and one whose only pool is thin.
// Every token has 18 decimals; 1 ETH = 3,000 USDC (the V2 WETH/USDC pool, as on chains A and B).

const UNIT = 10n ** 18n;
const require = createRequire(import.meta.url);

function artifactCode(path: string): Hex {
  const json = require(path) as { bytecode: string | { object: string } };
  const code = typeof json.bytecode === 'string' ? json.bytecode : json.bytecode.object;
  if (!isHex(code) || code.length < 4) throw new Error(`No creation code in ${path}`);
  return code;
}

export const V3_V4_BYTECODE = {
  v3Factory: artifactCode('@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json'),
  poolManager: artifactCode('@uniswap/v4-core/out/PoolManager.sol/PoolManager.json'),
  stateView: artifactCode('@uniswap/v4-periphery/foundry-out/StateView.sol/StateView.json'),
  modifyLiquidityRouter: artifactCode('@uniswap/v4-core/out/PoolModifyLiquidityTest.sol/PoolModifyLiquidityTest.json'),
} as const;

export const v3FactoryAbi = parseAbi([
  'function createPool(address tokenA, address tokenB, uint24 fee) returns (address pool)',
  'function getPool(address tokenA, address tokenB, uint24 fee) view returns (address pool)',
]);
export const v3PoolAbi = parseAbi([
  'function initialize(uint160 sqrtPriceX96)',
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
  'function liquidity() view returns (uint128)',
]);
const poolKeyType = '(address currency0, address currency1, uint24 fee, int24 tickSpacing, address hooks)';
export const poolManagerAbi = parseAbi([
  'constructor(address initialOwner)',
  `function initialize(${poolKeyType} key, uint160 sqrtPriceX96) returns (int24 tick)`,
]);
const modifyLiquidityRouterAbi = parseAbi([
  'constructor(address manager)',
  `function modifyLiquidity(${poolKeyType} key, (int24 tickLower, int24 tickUpper, int256 liquidityDelta, bytes32 salt) params, bytes hookData) payable returns (int256 delta)`,
]);
const stateViewDeployAbi = parseAbi(['constructor(address poolManager)']);
const wethAbi = parseAbi(['function deposit() payable']);

export type CoinKey = 'lena' | 'jess' | 'zed' | 'kai' | 'thin';

export const DEVNET_C_COINS: Record<CoinKey, { name: string; symbol: string; supply: bigint }> = {
  lena: { name: 'Lena Coin', symbol: 'LENA', supply: 10_000_000n * UNIT },
  jess: { name: 'Jess Coin', symbol: 'JESS', supply: 10_000_000n * UNIT },
  zed: { name: 'Zed', symbol: 'ZED', supply: 100_000_000n * UNIT },
  kai: { name: 'Kai Coin', symbol: 'KAI', supply: 10_000_000n * UNIT },
  thin: { name: 'Thin Coin', symbol: 'THIN', supply: 10_000_000n * UNIT },
};

/** Full-range positions, so every pool's amounts read like a V2 pool's (tick spacing 60, fee 0.3%). */
const FEE = 3000;
const TICK_SPACING = 60;
const MAX_TICK = 887220; // the largest multiple of 60 within TickMath's ±887272

export interface SeededPool {
  protocol: 'v3' | 'v4';
  base: CoinKey;
  quote: 'weth' | CoinKey;
  /** Whole units deposited on each side; the price is quoteAmount / baseAmount. */
  baseAmount: bigint;
  quoteAmount: bigint;
}

/** The pools: depth in USD at 1 ETH = $3,000 in the comments. */
export const DEVNET_C_POOLS: SeededPool[] = [
  { protocol: 'v3', base: 'lena', quote: 'weth', baseAmount: 100_000n * UNIT, quoteAmount: 20n * UNIT }, // 5,000 LENA/ETH, $120k
  { protocol: 'v4', base: 'jess', quote: 'weth', baseAmount: 40_000n * UNIT, quoteAmount: 10n * UNIT }, // 4,000 JESS/ETH, $60k
  { protocol: 'v3', base: 'zed', quote: 'weth', baseAmount: 300_000n * UNIT, quoteAmount: 30n * UNIT }, // 10,000 ZED/ETH, $180k
  { protocol: 'v4', base: 'kai', quote: 'zed', baseAmount: 50_000n * UNIT, quoteAmount: 200_000n * UNIT }, // 4 ZED per KAI, $120k
  { protocol: 'v4', base: 'thin', quote: 'weth', baseAmount: 1_000n * UNIT, quoteAmount: UNIT / 5n }, // 5,000 THIN/ETH, $1.2k
];

/** What holder 1 holds on chain C: one of every coin. */
export const DEVNET_C_HOLDER = ANVIL_ACCOUNTS[1];
export const DEVNET_C_HOLDINGS: Record<CoinKey, bigint> = {
  lena: 2_000n * UNIT,
  jess: 1_500n * UNIT,
  zed: 10_000n * UNIT,
  kai: 300n * UNIT,
  thin: 50n * UNIT,
};

const addr = (k: 'weth' | CoinKey): Address => DEVNET_C[k];

/** floor(sqrt(n)) for bigints (Newton). */
export function sqrtBigint(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

/** The pool's sorted tokens, its initial sqrtPriceX96 and the liquidity that deposits about its amounts. */
export function poolShape(pool: SeededPool) {
  const base = addr(pool.base);
  const quote = addr(pool.quote);
  const [token0] = sortTokens(base, quote);
  const baseIs0 = token0 === base;
  const amount0 = baseIs0 ? pool.baseAmount : pool.quoteAmount;
  const amount1 = baseIs0 ? pool.quoteAmount : pool.baseAmount;
  const sqrtPriceX96 = sqrtBigint((amount1 << 192n) / amount0);
  // Full range: amount1 ≈ L·sqrtP, so L = amount1·2^96 / sqrtPriceX96 (a hair under the amounts).
  const liquidity = (amount1 << 96n) / sqrtPriceX96;
  return { base, quote, token0, sqrtPriceX96, liquidity };
}

export function v3PoolOf(pool: SeededPool): Address {
  return uniswapV3PoolAddress(
    DEVNET_C.v3Factory,
    '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54',
    addr(pool.base),
    addr(pool.quote),
    FEE,
  );
}

export function v4KeyOf(pool: SeededPool): V4PoolKey {
  return v4PoolKey(addr(pool.base), addr(pool.quote), FEE, TICK_SPACING);
}

export const DEVNET_C_V4_POOL_IDS = DEVNET_C_POOLS.filter((p) => p.protocol === 'v4').map((p) => uniswapV4PoolId(v4KeyOf(p)));

const call = (to: Address, data: Hex, label: string, value?: bigint): Omit<DevnetTx, 'label'> & { label: string } => ({
  to,
  data,
  label,
  value,
});

/** Deploys chain C on a fresh anvil and checks every address lib/chain/devnet.ts hard-codes. */
export async function deployBaseStandIn(rpcUrl: string): Promise<void> {
  const d = DEVNET_C;
  const client = devnetClient(rpcUrl);
  const [chainId, nonce] = await Promise.all([client.getChainId(), client.getTransactionCount({ address: d.deployer })]);
  if (chainId !== d.chainId) throw new Error(`${rpcUrl} is chain ${chainId}, expected ${d.chainId}`);
  if (nonce !== 0) throw new Error(`${rpcUrl} is not a fresh chain: deployer nonce is ${nonce}`);

  const coins: CoinKey[] = ['lena', 'jess', 'zed', 'kai', 'thin'];
  const deploys: DevnetTx[] = [
    { label: 'deploy WETH9', data: BYTECODE.weth9 },
    { label: 'deploy UniswapV2Factory', data: encodeDeployData({ abi: factoryAbi, bytecode: BYTECODE.factory, args: [d.deployer] }) },
    {
      label: 'deploy UniswapV2Router02',
      data: encodeDeployData({ abi: routerAbi, bytecode: BYTECODE.router02, args: [d.factory, d.weth] }),
    },
    { label: 'deploy Multicall3', data: await loadMulticall3Bytecode() },
    { label: 'deploy USDC', data: deployTestErc20(DEVNET_USDC.name, DEVNET_USDC.symbol, DEVNET_USDC.supply) },
    { label: 'deploy UniswapV3Factory', data: V3_V4_BYTECODE.v3Factory },
    {
      label: 'deploy PoolManager',
      data: encodeDeployData({ abi: poolManagerAbi, bytecode: V3_V4_BYTECODE.poolManager, args: [d.deployer] }),
    },
    {
      label: 'deploy StateView',
      data: encodeDeployData({ abi: stateViewDeployAbi, bytecode: V3_V4_BYTECODE.stateView, args: [d.poolManager] }),
    },
    {
      label: 'deploy PoolModifyLiquidityTest',
      data: encodeDeployData({ abi: modifyLiquidityRouterAbi, bytecode: V3_V4_BYTECODE.modifyLiquidityRouter, args: [d.poolManager] }),
    },
    { label: 'deploy DevnetV3Minter', data: DEVNET_V3_MINTER_BYTECODE },
    ...coins.map((k) => ({
      label: `deploy ${DEVNET_C_COINS[k].symbol}`,
      data: deployTestErc20(DEVNET_C_COINS[k].name, DEVNET_C_COINS[k].symbol, DEVNET_C_COINS[k].supply),
    })),
  ];
  const expected: Address[] = [
    d.weth,
    d.factory,
    d.router,
    d.multicall3,
    d.usdc,
    d.v3Factory,
    d.poolManager,
    d.stateView,
    d.v4LiquidityRouter,
    d.v3Minter,
    ...coins.map(addr),
  ];

  const approve = (token: Address, spender: Address) =>
    encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, maxUint256] });
  const usdc = DEVNET_USDC.wethUsdcLiquidity;
  const setup: DevnetTx[] = [
    call(d.weth, encodeFunctionData({ abi: wethAbi, functionName: 'deposit' }), 'WETH.deposit(100 ETH)', 100n * UNIT),
    call(d.usdc, approve(d.usdc, d.router), 'USDC.approve(router)'),
    call(
      d.router,
      encodeFunctionData({
        abi: routerAbi,
        functionName: 'addLiquidityETH',
        args: [d.usdc, usdc.token, usdc.token, usdc.eth, d.deployer, maxUint256],
      }),
      'router.addLiquidityETH(USDC)',
      usdc.eth,
    ),
    ...(['weth', ...coins] as const).flatMap((k) => [
      call(addr(k), approve(addr(k), d.v3Minter), `${k}.approve(v3 minter)`),
      call(addr(k), approve(addr(k), d.v4LiquidityRouter), `${k}.approve(v4 router)`),
    ]),
  ];
  const pools: DevnetTx[] = DEVNET_C_POOLS.flatMap((pool) => {
    const { base, quote, sqrtPriceX96, liquidity } = poolShape(pool);
    const name = `${pool.base}/${pool.quote} ${pool.protocol}`;
    if (pool.protocol === 'v3') {
      const address = v3PoolOf(pool);
      return [
        call(
          d.v3Factory,
          encodeFunctionData({ abi: v3FactoryAbi, functionName: 'createPool', args: [base, quote, FEE] }),
          `createPool ${name}`,
        ),
        call(address, encodeFunctionData({ abi: v3PoolAbi, functionName: 'initialize', args: [sqrtPriceX96] }), `initialize ${name}`),
        call(
          d.v3Minter,
          encodeFunctionData({ abi: devnetV3MinterAbi, functionName: 'mint', args: [address, -MAX_TICK, MAX_TICK, liquidity] }),
          `mint ${name}`,
        ),
      ];
    }
    const key = v4KeyOf(pool);
    return [
      call(
        d.poolManager,
        encodeFunctionData({ abi: poolManagerAbi, functionName: 'initialize', args: [key, sqrtPriceX96] }),
        `initialize ${name}`,
      ),
      call(
        d.v4LiquidityRouter,
        encodeFunctionData({
          abi: modifyLiquidityRouterAbi,
          functionName: 'modifyLiquidity',
          args: [key, { tickLower: -MAX_TICK, tickUpper: MAX_TICK, liquidityDelta: liquidity, salt: `0x${'00'.repeat(32)}` }, '0x'],
        }),
        `modifyLiquidity ${name}`,
      ),
    ];
  });
  const transfers: DevnetTx[] = coins.map((k) =>
    call(
      addr(k),
      encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [DEVNET_C_HOLDER.address, DEVNET_C_HOLDINGS[k]] }),
      `${k}.transfer(holder1)`,
    ),
  );

  const receipts = await sendInOrder(client, d.deployer, 0, [...deploys, ...setup, ...pools, ...transfers]);
  expected.forEach((address, i) => {
    const got = receipts[i]?.contractAddress;
    if (!got || getAddress(got) !== address)
      throw new Error(`Devnet ${d.chainId}: "${deploys[i]?.label}" landed at ${got}, lib/chain/devnet.ts says ${address}`);
  });
  const v2 = await client.readContract({ address: d.factory, abi: factoryAbi, functionName: 'getPair', args: [d.weth, d.usdc] });
  if (v2 !== uniswapV2PairAddress(d.factory, '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f', d.weth, d.usdc)) {
    throw new Error(`Devnet ${d.chainId}: WETH/USDC pair ${v2} differs from uniswapV2PairAddress()`);
  }
  for (const pool of DEVNET_C_POOLS.filter((p) => p.protocol === 'v3')) {
    const got = await client.readContract({
      address: d.v3Factory,
      abi: v3FactoryAbi,
      functionName: 'getPool',
      args: [addr(pool.base), addr(pool.quote), FEE],
    });
    if (got !== v3PoolOf(pool)) throw new Error(`Devnet ${d.chainId}: V3 pool ${got} differs from uniswapV3PoolAddress()`);
  }
}
