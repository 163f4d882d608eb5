import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  createPublicClient,
  encodeFunctionData,
  getAddress,
  http,
  keccak256,
  parseAbi,
  toHex,
  type Address,
  type PublicClient,
} from 'viem';
import { uniswapV2PairAbi } from '@/lib/chain/abis';
import { DEVNET_A, DEVNET_C } from '@/lib/chain/devnet';
import { chainById } from '@/lib/chain/knownChains';
import { createChainClient } from '@/lib/chain/createChainClient';
import { uniswapV2PairAddress } from '@/lib/chain/pairAddress';
import { uniswapV4PoolId, V4_DYNAMIC_FEE_FLAG, v4PoolKey } from '@/lib/chain/poolAddress';
import { pricePlan } from '@/lib/chain/pricePlan';
import type { ChainConfig } from '@/lib/chain/types';
import { MAX_READS_PER_CALL, readChainSnapshot } from '@/lib/chain/readChainSnapshot';
import { DEFAULT_MIN_POOL_DEPTH_USD } from '@/lib/holdings/core/bestPrice';
import { resolvePrices } from '@/lib/holdings/core/resolvePrices';
import { toHoldingValues } from '@/lib/holdings/core/toHoldingValues';
import { DEVNET_C_POOLS, DEVNET_C_V4_POOL_IDS, sqrtBigint, v3PoolOf, v4KeyOf } from '../devnet/baseStandIn';
import { devnetClient, sendInOrder } from '../devnet/client';
import { DEVNET_C_HOLDER, DEVNET_C_HOLDINGS, startDevnet, type Devnet } from '../devnet/devnet';
import { startRpcProxy, type RpcProxy } from '../devnet/rpcProxy';

// Prices on the Base stand-in, each checked against the pool's raw state read directly here and
// turned into a price with the sqrtPriceX96 formula written out below, not the extension's code.

const E18 = 10n ** 18n;
const Q192 = 1n << 192n;
let devnet: Devnet;
let proxy: RpcProxy;

beforeAll(async () => {
  devnet = await startDevnet({ portA: 19045, portB: 19046, portC: 19047 });
  proxy = await startRpcProxy({ target: devnet.baseStandIn.rpcUrl });
});
afterAll(async () => {
  await proxy?.stop();
  await devnet?.stop();
});

const v3Abi = parseAbi(['function slot0() view returns (uint160, int24, uint16, uint16, uint16, uint8, bool)']);
const stateViewAbi = parseAbi(['function getSlot0(bytes32) view returns (uint160, int24, uint24, uint24)']);

/** Quote per whole base ×1e18 from sqrtPriceX96 (both tokens 18 decimals): P = (√P/2^96)², inverted when base is token1. */
function priceFromSqrt(sqrtPriceX96: bigint, base: Address, quote: Address): bigint {
  const baseIsToken0 = BigInt(base) < BigInt(quote);
  const squared = sqrtPriceX96 * sqrtPriceX96;
  return baseIsToken0 ? (squared * E18) / Q192 : (Q192 * E18) / squared;
}

/** |a − b| ≤ b / 10^12: a route through USD rounds twice; the price must agree to 12 significant digits. */
function close(a: bigint, b: bigint) {
  const diff = a > b ? a - b : b - a;
  expect(diff <= b / 10n ** 12n, `${a} vs ${b}`).toBe(true);
}

/** Each Base stand-in pool's price from its raw state (slot0 / StateView getSlot0) at `blockNumber`, by the test's own sqrtPriceX96 math. */
async function rawPoolPrices(direct: PublicClient, blockNumber: bigint) {
  const [lenaPool, , zedPool] = DEVNET_C_POOLS;
  const v3Sqrt = async (pool: typeof lenaPool) =>
    (await direct.readContract({ address: v3PoolOf(pool!), abi: v3Abi, functionName: 'slot0', blockNumber }))[0];
  const v4Sqrt = async (id: `0x${string}`) =>
    (await direct.readContract({ address: DEVNET_C.stateView, abi: stateViewAbi, functionName: 'getSlot0', args: [id], blockNumber }))[0];
  return {
    lenaInEth: priceFromSqrt(await v3Sqrt(lenaPool), DEVNET_C.lena, DEVNET_C.weth),
    jessInEth: priceFromSqrt(await v4Sqrt(DEVNET_C_V4_POOL_IDS[0]!), DEVNET_C.jess, DEVNET_C.weth),
    zedInEth: priceFromSqrt(await v3Sqrt(zedPool), DEVNET_C.zed, DEVNET_C.weth),
    kaiInZed: priceFromSqrt(await v4Sqrt(DEVNET_C_V4_POOL_IDS[1]!), DEVNET_C.kai, DEVNET_C.zed),
  };
}

test('V3, V4 and via-intermediate prices equal the pools’ raw state; the thin pool gives no price; one request', async () => {
  const config = { ...chainById(DEVNET_C.chainId)!, rpcUrls: [proxy.url] };
  const tokens = [DEVNET_C.lena, DEVNET_C.jess, DEVNET_C.kai, DEVNET_C.thin];
  const client = createChainClient(config);
  await client.getBlockNumber(); // warm up: the count below is the refresh alone
  proxy.resetCount();
  const snapshot = await readChainSnapshot(client, config, tokens, DEVNET_C_HOLDER.address);
  expect(proxy.requestCount()).toBe(1);
  expect(proxy.methods()).toEqual(['eth_call']);

  const meta = new Map(snapshot.tokens.map((t) => [t.address.toLowerCase(), { symbol: t.symbol, decimals: t.decimals }]));
  const prices = resolvePrices(config, snapshot.pools, meta, DEFAULT_MIN_POOL_DEPTH_USD);

  // Independent reads at the same block.
  const direct = createPublicClient({ transport: http(devnet.baseStandIn.rpcUrl) });
  const blockNumber = snapshot.blockNumber;
  const [r0, r1] = await direct.readContract({
    address: uniswapV2PairAddress(DEVNET_C.factory, config.uniswapV2.pairInitCodeHash, DEVNET_C.weth, DEVNET_C.usdc),
    abi: uniswapV2PairAbi,
    functionName: 'getReserves',
    blockNumber,
  });
  const wethIs0 = BigInt(DEVNET_C.weth) < BigInt(DEVNET_C.usdc);
  const ethUsd = ((wethIs0 ? r1 : r0) * E18) / (wethIs0 ? r0 : r1);
  expect(prices.ethUsdE18).toBe(ethUsd);
  expect(ethUsd).toBe(3_000n * E18);

  const [, jessPool, , kaiPool] = DEVNET_C_POOLS;
  const { lenaInEth, jessInEth, zedInEth, kaiInZed } = await rawPoolPrices(direct, blockNumber);
  expect(v4KeyOf(jessPool!).hooks).toBe('0x0000000000000000000000000000000000000000');

  const lena = prices.tokens.get(DEVNET_C.lena.toLowerCase())!;
  const jess = prices.tokens.get(DEVNET_C.jess.toLowerCase())!;
  const kai = prices.tokens.get(DEVNET_C.kai.toLowerCase())!;
  const thin = prices.tokens.get(DEVNET_C.thin.toLowerCase())!;
  if (lena.kind !== 'priced' || jess.kind !== 'priced' || kai.kind !== 'priced')
    throw new Error(`unpriced: ${lena.kind} ${jess.kind} ${kai.kind}`);

  expect(lena.source).toMatchObject({ protocol: 'v3', fee: 3000, pair: 'LENA/WETH', via: null });
  expect(lena.priceEthE18).toBe(lenaInEth);
  close(lena.priceUsdE18!, (lenaInEth * ethUsd) / E18);
  expect(jess.source).toMatchObject({ protocol: 'v4', fee: 3000, pair: 'JESS/WETH', via: null });
  expect(jess.priceEthE18).toBe(jessInEth);
  expect(kai.source).toMatchObject({ protocol: 'v4', pair: 'KAI/ZED', via: 'ZED/WETH' });
  close(kai.priceUsdE18!, (((kaiInZed * zedInEth) / E18) * ethUsd) / E18);
  close(kai.priceEthE18!, (kaiInZed * zedInEth) / E18);
  // The seeded amounts: 5,000 LENA, 4,000 JESS per ETH; 4 ZED per KAI at 10,000 ZED per ETH ($1.20).
  close(lenaInEth, E18 / 5_000n);
  close(jessInEth, E18 / 4_000n);
  close(kai.priceUsdE18!, 12n * 10n ** 17n);

  // Depth: a full-range pool holding 20 WETH is 2 × 20 × $3,000 deep (a hair under, L rounds down).
  expect(lena.source.depth).toMatchObject({ unit: 'USD' });
  expect(lena.source.depth.amountE18 / E18).toBe(119_999n);
  expect(thin).toMatchObject({ kind: 'unreliable', source: { protocol: 'v4', pair: 'THIN/WETH' } });
  if (thin.kind === 'unreliable') expect(thin.source.depth.amountE18 / E18).toBe(1_199n);
  expect(kaiPool!.quote).toBe('zed');

  // Stored values: balance × price, and the thin coin with no price at all.
  const values = (address: Address) =>
    toHoldingValues(
      snapshot,
      snapshot.tokens.find((t) => t.address === address)!,
      0,
      prices,
    )!;
  expect(values(DEVNET_C.lena)).toMatchObject({
    balance: DEVNET_C_HOLDINGS.lena.toString(),
    priceEthE18: lenaInEth.toString(),
    valueWei: ((DEVNET_C_HOLDINGS.lena * lenaInEth) / E18).toString(),
  });
  expect(values(DEVNET_C.thin)).toMatchObject({ priceEthE18: null, valueWei: null, priceSource: { reliable: false, pair: 'THIN/WETH' } });
  // Lower the minimum and the thin pool prices: the threshold is the holder's.
  expect(resolvePrices(config, snapshot.pools, meta, 1_000).tokens.get(DEVNET_C.thin.toLowerCase())?.kind).toBe('priced');
});

test('no ETH/USD pool on the chain: WETH-quoted coins get their exact ETH price judged by depth in ETH, and no USD price', async () => {
  // The Base stand-in with a stablecoin that has no pool at all (an address without code): the
  // chain then has no ETH/USD price, as a chain whose WETH/USDC pools are missing or too thin.
  const noStable = getAddress(`0x${keccak256(toHex('no stablecoin here')).slice(26)}`);
  const known = chainById(DEVNET_C.chainId)!;
  const config: ChainConfig = { ...known, rpcUrls: [proxy.url], stablecoin: { ...known.stablecoin, address: noStable } };
  const tokens = [DEVNET_C.lena, DEVNET_C.jess, DEVNET_C.kai, DEVNET_C.thin];
  const client = createChainClient(config);
  await client.getBlockNumber();
  proxy.resetCount();
  const snapshot = await readChainSnapshot(client, config, tokens, DEVNET_C_HOLDER.address);
  expect(proxy.requestCount()).toBe(1);
  const meta = new Map(snapshot.tokens.map((t) => [t.address.toLowerCase(), { symbol: t.symbol, decimals: t.decimals }]));
  const prices = resolvePrices(config, snapshot.pools, meta, DEFAULT_MIN_POOL_DEPTH_USD);
  expect(prices.ethUsdE18).toBeNull();

  const direct = createPublicClient({ transport: http(devnet.baseStandIn.rpcUrl) });
  const blockNumber = snapshot.blockNumber;
  const { lenaInEth, jessInEth, zedInEth, kaiInZed } = await rawPoolPrices(direct, blockNumber);

  const price = (address: Address) => prices.tokens.get(address.toLowerCase());
  expect(price(DEVNET_C.lena)).toMatchObject({ kind: 'priced', priceEthE18: lenaInEth, priceUsdE18: null, source: { pair: 'LENA/WETH' } });
  expect(price(DEVNET_C.jess)).toMatchObject({ kind: 'priced', priceEthE18: jessInEth, priceUsdE18: null, source: { protocol: 'v4' } });
  const lena = price(DEVNET_C.lena);
  // The same full-range pool, 20 WETH a side: 40 ETH deep (a hair under, L rounds down), judged in ETH.
  if (lena?.kind === 'priced') expect(lena.source.depth.unit === 'ETH' && lena.source.depth.amountE18 / 10n ** 16n).toBe(3_999n);
  const kai = price(DEVNET_C.kai);
  expect(kai).toMatchObject({ kind: 'priced', priceUsdE18: null, source: { pair: 'KAI/ZED', via: 'ZED/WETH' } });
  if (kai?.kind === 'priced') close(kai.priceEthE18!, (kaiInZed * zedInEth) / E18);
  // The thin pool holds 0.2 WETH a side: below 5 ETH ($5,000 at the $1,000 reference).
  expect(price(DEVNET_C.thin)).toMatchObject({ kind: 'unreliable', source: { pair: 'THIN/WETH', depth: { unit: 'ETH' } } });

  const stored = toHoldingValues(
    snapshot,
    snapshot.tokens.find((t) => t.address === DEVNET_C.jess)!,
    0,
    prices,
  )!;
  expect(stored).toMatchObject({
    priceEthE18: jessInEth.toString(),
    ethUsdE18: null,
    priceUsdE18: null,
    valueWei: ((DEVNET_C_HOLDINGS.jess * jessInEth) / E18).toString(),
    priceSource: { pair: 'JESS/WETH', depthUsdE18: null, reliable: true },
  });
});

test('chain A: the V2-only creator token keeps its exact V2 price through the new route choice', async () => {
  const [chainA] = devnet.chains;
  const config = { ...chainById(DEVNET_A.chainId)!, rpcUrls: [chainA.rpcUrl] };
  const snapshot = await readChainSnapshot(createChainClient(config), config, [DEVNET_A.creatorToken], null);
  const meta = new Map(snapshot.tokens.map((t) => [t.address.toLowerCase(), { symbol: t.symbol, decimals: t.decimals }]));
  const prices = resolvePrices(config, snapshot.pools, meta, DEFAULT_MIN_POOL_DEPTH_USD);
  const price = prices.tokens.get(DEVNET_A.creatorToken.toLowerCase());
  expect(price).toMatchObject({ kind: 'priced', source: { protocol: 'v2', pair: 'ALEX/WETH', fee: null } });
  const pair = uniswapV2PairAddress(DEVNET_A.factory, config.uniswapV2.pairInitCodeHash, DEVNET_A.creatorToken, DEVNET_A.weth);
  const [r0, r1] = await createPublicClient({ transport: http(chainA.rpcUrl) }).readContract({
    address: pair,
    abi: uniswapV2PairAbi,
    functionName: 'getReserves',
    blockNumber: snapshot.blockNumber,
  });
  const alexIs0 = BigInt(DEVNET_A.creatorToken) < BigInt(DEVNET_A.weth);
  if (price?.kind === 'priced') expect(price.priceEthE18).toBe(((alexIs0 ? r1 : r0) * E18) / (alexIs0 ? r0 : r1));
});

test('many follows: the reads split into aggregate3 calls of at most 500, still one HTTP request, same prices as one call', async () => {
  const config = { ...chainById(DEVNET_C.chainId)!, rpcUrls: [proxy.url] };
  // The Base stand-in's coins plus 24 listed addresses without a contract (a list may be wrong):
  // each token costs some 60 reads on a chain with V2, V3, V4 and a hub coin.
  const strays = Array.from({ length: 24 }, (_, i) => getAddress(`0x${keccak256(toHex(`stray:${i}`)).slice(26)}`));
  const tokens = [DEVNET_C.lena, DEVNET_C.jess, DEVNET_C.kai, DEVNET_C.thin, DEVNET_C.zed, ...strays];
  const client = createChainClient(config);
  await client.getBlockNumber();
  proxy.resetCount();
  const chunked = await readChainSnapshot(client, config, tokens, DEVNET_C_HOLDER.address);
  expect(proxy.requestCount()).toBe(1);
  const calls = proxy.methods();
  const reads = 1 + tokens.length * 4 + pricePlan(config, tokens).reads.length;
  expect(calls.length).toBe(Math.ceil(reads / (MAX_READS_PER_CALL - 1)));
  expect(calls.length).toBeGreaterThanOrEqual(3);
  expect(new Set(calls)).toEqual(new Set(['eth_call']));

  // The same reads in one unchunked aggregate3 call, at the same block (anvil mines nothing between).
  const whole = await readChainSnapshot(client, config, tokens, DEVNET_C_HOLDER.address, 'multicall', undefined, {
    maxReadsPerCall: Number.MAX_SAFE_INTEGER,
  });
  expect(whole.blockNumber).toBe(chunked.blockNumber);
  expect(chunked.tokens).toEqual(whole.tokens);
  const priced = (s: typeof chunked) =>
    resolvePrices(config, s.pools, new Map(s.tokens.map((t) => [t.address.toLowerCase(), t])), DEFAULT_MIN_POOL_DEPTH_USD);
  const [a, b] = [priced(chunked), priced(whole)];
  expect(a).toEqual(b);
  expect([...a.tokens.values()].filter((p) => p.kind === 'priced')).toHaveLength(4); // LENA, JESS, KAI, ZED
  expect(chunked.tokens.find((t) => t.address === DEVNET_C.jess)?.balance).toBe(DEVNET_C_HOLDINGS.jess);
});

test('a V4 pool with a hook the chain config names is read and priced; with the hook unknown it is ignored', async () => {
  // A THIN/WETH pool with a hook, deep enough to trust: 2,000 THIN : 10 WETH. The hook address has
  // no permission bits, so with V4's dynamic-fee flag the PoolManager accepts it without calling it.
  const hooks: Address = '0x000000000000000000000000000000000000c000';
  const fee = V4_DYNAMIC_FEE_FLAG;
  const key = v4PoolKey(DEVNET_C.thin, DEVNET_C.weth, fee, 200, hooks);
  const thinIs0 = key.currency0 === DEVNET_C.thin;
  const [amount0, amount1] = thinIs0 ? [2_000n * E18, 10n * E18] : [10n * E18, 2_000n * E18];
  const sqrtPriceX96 = sqrtBigint((amount1 << 192n) / amount0);
  const liquidity = (amount1 << 96n) / sqrtPriceX96;
  const anvil = devnetClient(devnet.baseStandIn.rpcUrl);
  const nonce = await anvil.getTransactionCount({ address: DEVNET_C.deployer, blockTag: 'pending' });
  const poolKeyType = '(address currency0, address currency1, uint24 fee, int24 tickSpacing, address hooks)';
  const abi = parseAbi([
    `function initialize(${poolKeyType} key, uint160 sqrtPriceX96) returns (int24 tick)`,
    `function modifyLiquidity(${poolKeyType} key, (int24 tickLower, int24 tickUpper, int256 liquidityDelta, bytes32 salt) params, bytes hookData) payable returns (int256 delta)`,
  ]);
  // The deployer approved the liquidity router for WETH and every coin when the devnet was seeded.
  await sendInOrder(anvil, DEVNET_C.deployer, nonce, [
    {
      label: 'initialize hooked THIN/WETH',
      to: DEVNET_C.poolManager,
      data: encodeFunctionData({ abi, functionName: 'initialize', args: [key, sqrtPriceX96] }),
    },
    {
      label: 'modifyLiquidity hooked THIN/WETH',
      to: DEVNET_C.v4LiquidityRouter,
      data: encodeFunctionData({
        abi,
        functionName: 'modifyLiquidity',
        args: [key, { tickLower: -887_200, tickUpper: 887_200, liquidityDelta: liquidity, salt: `0x${'00'.repeat(32)}` }, '0x'],
      }),
    },
  ]);

  const known = chainById(DEVNET_C.chainId)!;
  const read = async (config: ChainConfig) => {
    const snapshot = await readChainSnapshot(createChainClient(config), config, [DEVNET_C.thin], null);
    const meta = new Map(snapshot.tokens.map((t) => [t.address.toLowerCase(), t]));
    return {
      snapshot,
      price: resolvePrices(config, snapshot.pools, meta, DEFAULT_MIN_POOL_DEPTH_USD).tokens.get(DEVNET_C.thin.toLowerCase()),
    };
  };
  const base = { ...known, rpcUrls: [devnet.baseStandIn.rpcUrl] };
  // The hook is not in the config: only the thin hookless pool counts.
  expect((await read(base)).price).toMatchObject({ kind: 'unreliable', source: { pair: 'THIN/WETH', fee: 3000 } });

  const withHook: ChainConfig = {
    ...base,
    uniswapV4: { ...base.uniswapV4!, hookedPools: [{ fee, tickSpacing: 200, hooks, pairedWith: [DEVNET_C.weth], source: 'test' }] },
  };
  // Named, but paired only with another currency: that hook's THIN/WETH pool cannot exist as configured, so it is not read.
  const pairedElsewhere: ChainConfig = {
    ...base,
    uniswapV4: { ...base.uniswapV4!, hookedPools: [{ fee, tickSpacing: 200, hooks, pairedWith: [DEVNET_C.zed], source: 'test' }] },
  };
  expect((await read(pairedElsewhere)).price).toMatchObject({ kind: 'unreliable', source: { pair: 'THIN/WETH', fee: 3000 } });

  const { snapshot, price } = await read(withHook);
  const direct = createPublicClient({ transport: http(devnet.baseStandIn.rpcUrl) });
  const [rawSqrt] = await direct.readContract({
    address: DEVNET_C.stateView,
    abi: stateViewAbi,
    functionName: 'getSlot0',
    args: [uniswapV4PoolId(key)],
    blockNumber: snapshot.blockNumber,
  });
  expect(rawSqrt).toBe(sqrtPriceX96);
  if (price?.kind !== 'priced') throw new Error(`THIN through the hooked pool: ${price?.kind}`);
  // A dynamic fee has no tier to name.
  expect(price.source).toMatchObject({ protocol: 'v4', fee: null, pair: 'THIN/WETH', via: null });
  expect(price.priceEthE18).toBe(priceFromSqrt(rawSqrt, DEVNET_C.thin, DEVNET_C.weth));
  close(price.priceEthE18!, E18 / 200n); // 200 THIN per ETH
});
