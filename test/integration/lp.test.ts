import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  createPublicClient,
  custom,
  encodeFunctionData,
  erc20Abi,
  http,
  maxUint256,
  parseAbi,
  zeroAddress,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { DEVNET_A, DEVNET_CHAINS } from '@/lib/chain/devnet';
import { readChainSnapshot } from '@/lib/chain/readChainSnapshot';
import { combinePlans, runReadPlan } from '@/lib/chain/readPlan';
import { lpPosition, protocolFeeLp, underlyingOf } from '@/lib/lp/core/lpPosition';
import { planLpReads, type LpReading } from '@/lib/lp/core/lpReads';
import { estimateSnapshotReward, planSnapshotReads } from '@/lib/lp/core/snapshotProgram';
import { buildGetRewardCall, projectEarned, yearlyRateBps } from '@/lib/lp/core/stakingRewards';
import { creatorPlan } from '@/lib/income/background/creatorPlan';
import { programViews } from '@/lib/lp/background/liquidityViews';
import { validateManifest } from '@/lib/protocol/validateManifest';
import { devnetClient } from '../devnet/client';
import { devnetIncomeManifestFields } from '../devnet/incomeManifest';
import { DEVNET_HOLDERS, DEVNET_INCOME, startDevnet, type Devnet } from '../devnet/devnet';

// Journey 4 against the real UniswapV2Pair and StakingRewards: every figure computed from the
// multicall equals what the contracts pay when asked to.

const E18 = 10n ** 18n;
const chain = DEVNET_CHAINS[0]!;
const holder = DEVNET_HOLDERS.holder1.address;
const { staking, snapshotProgram } = DEVNET_INCOME;
let devnet: Devnet;
let client: PublicClient;
let pair: Address;

beforeAll(async () => {
  devnet = await startDevnet({ portA: 18847, portB: 18848 });
  client = createPublicClient({ transport: http(devnet.chains[0].rpcUrl) });
  pair = devnet.chains[0].pairs.creatorWeth;
});
afterAll(() => devnet?.stop());

async function readLp(): Promise<{ reading: LpReading; timestamp: bigint }> {
  const plan = combinePlans(
    planLpReads(
      [{ pair, token: DEVNET_A.creatorToken, quote: DEVNET_A.weth, factory: DEVNET_A.factory, staking: staking.address }],
      holder,
    ),
  );
  const snapshot = await readChainSnapshot(client, chain, [DEVNET_A.creatorToken], holder, 'multicall', plan);
  return { reading: snapshot.extra![0][0]!, timestamp: snapshot.blockTimestamp };
}

const balanceOf = (token: Address, account: Address) =>
  client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });
async function send(call: { to: Address; data: Hex; value?: bigint }, from: Address = holder) {
  const wallet = devnetClient(devnet.chains[0].rpcUrl);
  // Explicit gas: anvil estimates before applying setNextBlockTimestamp, and getReward at the
  // later time writes more storage than the estimate allowed for (it ran out of gas).
  const receipt = await wallet.waitForTransactionReceipt({
    hash: await wallet.sendTransaction({ account: from, chain: null, gas: 1_000_000n, ...call }),
  });
  expect(receipt.status).toBe('success');
  return receipt;
}

test('position: 100 LP in the wallet and 50 staked, in both tokens, share and value, in the holdings multicall', async () => {
  const { reading } = await readLp();
  expect(reading).toMatchObject({ lpInWallet: 100n * E18, lpSupply: 10n ** 22n, staking: { staked: 50n * E18, totalStaked: 200n * E18 } });
  const position = lpPosition(reading, 18);
  expect(position).toMatchObject({
    lpTotal: 150n * E18,
    tokenAmount: 15_000n * E18,
    quoteAmount: (15n * E18) / 10n,
    shareE18: (15n * E18) / 1_000n,
    valueWei: 3n * E18,
  });
});

/** Alex's manifest as the refresh reads it, with the pair's staking declared where `declare` puts it. */
function alexManifest(declare: 'pairs' | 'rewards' | 'both') {
  const fields = devnetIncomeManifestFields('https://alex.example', pair);
  const result = validateManifest({
    version: 1,
    token: `eip155:${chain.chainId}/erc20:${DEVNET_A.creatorToken}`,
    creator: { name: 'Alex', url: 'https://alex.example/' },
    pairs: [{ protocol: 'uniswap-v2', address: pair, ...(declare === 'rewards' ? {} : { staking: staking.address }) }],
    rewards: fields.rewards.filter((r) => declare !== 'pairs' || r.kind !== 'staking-rewards'),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.manifest;
}

test('staking declared in pairs[].staking, in rewards[] only, or in both: the same staked LP, split and program estimate', async () => {
  for (const declare of ['pairs', 'rewards', 'both'] as const) {
    const manifest = alexManifest(declare);
    const plan = creatorPlan(
      { tokenId: manifest.token, token: DEVNET_A.creatorToken, manifest, rounds: [], lookups: new Map() },
      chain,
      holder,
    );
    const snapshot = await readChainSnapshot(client, chain, [DEVNET_A.creatorToken], holder, 'multicall', plan);
    const reading = snapshot.extra!.pairs[0]!;
    expect(reading.staking, declare).toMatchObject({ address: staking.address, staked: 50n * E18 });
    expect(lpPosition(reading, 18).lpTotal).toBe(150n * E18);
    const [program] = await programViews(client, chain.multicall3, manifest, holder, snapshot.blockNumber);
    expect(program?.estimate, declare).toBe((1_250n * E18).toString());
  }
});

test("a running snapshot program: its end is the refresh multicall's block; with the start kept, nothing else is read", async () => {
  const base = alexManifest('both');
  const manifest = { ...base, rewards: base.rewards.map((r) => (r.kind === 'snapshot' ? { ...r, endBlock: 10_000_000 } : r)) };
  const plan = creatorPlan(
    { tokenId: manifest.token, token: DEVNET_A.creatorToken, manifest, rounds: [], lookups: new Map() },
    chain,
    holder,
  );
  const snapshot = await readChainSnapshot(client, chain, [DEVNET_A.creatorToken], holder, 'multicall', plan);
  const current = snapshot.extra!.programs;
  expect(current).toHaveLength(1);
  expect(current[0]?.holderLp).toBe(150n * E18);
  const [first] = await programViews(client, chain.multicall3, manifest, holder, snapshot.blockNumber, current);
  const start = await runReadPlan(
    client,
    chain.multicall3,
    planSnapshotReads(pair, holder, staking.address),
    BigInt(snapshotProgram.startBlock),
  );
  expect(first).toMatchObject({
    ended: false,
    estimate: estimateSnapshotReward(snapshotProgram.amount, start!, current[0]!).toString(),
    readings: { start: { block: snapshotProgram.startBlock, holderLp: start!.holderLp.toString() }, end: null },
  });
  // The next refresh: the same block's multicall reading and the stored row; a chain that answers nothing.
  const noChain = createPublicClient({
    transport: custom({
      request: async () => {
        throw new Error('no read expected');
      },
    }),
  });
  expect(await programViews(noChain, chain.multicall3, manifest, holder, snapshot.blockNumber, current, [first!])).toEqual([first]);
});

test('earned, projected to the next block, is exactly what getReward pays in it; the yearly rate follows from the rate', async () => {
  const { reading, timestamp } = await readLp();
  const s = reading.staking!;
  expect(s.rewardRate).toBe(staking.reward / (60n * 86_400n));
  expect(s.earned).toBe(projectEarned(s, timestamp));
  const next = timestamp + 3_600n;
  await devnetClient(devnet.chains[0].rpcUrl).setNextBlockTimestamp({ timestamp: next });
  const expected = projectEarned(s, next);
  expect(expected).toBeGreaterThan(0n);
  const before = await balanceOf(DEVNET_A.creatorToken, holder);
  await send(buildGetRewardCall(staking.address));
  expect((await balanceOf(DEVNET_A.creatorToken, holder)) - before).toBe(expected);
  expect((await readLp()).reading.staking!.earned).toBe(0n);
  // 60,000 ALEX over 60 days is 365,000 a year at 0.0001 ETH: 36.5 ETH a year over 4 ETH staked.
  const bps = yearlyRateBps({
    staking: s,
    now: next,
    rewardPriceEthE18: E18 / 10_000n,
    rewardDecimals: 18,
    totalStakedValueWei: lpPosition({ ...reading, lpInWallet: s.totalStaked, staking: null }, 18).valueWei,
  });
  expect(bps).toBe(91_249n); // 912.5%, less the rate's rounding down
});

test('snapshot program: LP at the start and end blocks, pro rata of 100,000 ALEX', async () => {
  const plan = planSnapshotReads(pair, holder, staking.address);
  const [start, end] = await Promise.all([
    runReadPlan(client, chain.multicall3, plan, BigInt(snapshotProgram.startBlock)),
    runReadPlan(client, chain.multicall3, plan, BigInt(snapshotProgram.endBlock)),
  ]);
  expect(start).toEqual({ holderLp: 100n * E18, lpSupply: 10n ** 22n });
  expect(end).toEqual({ holderLp: 150n * E18, lpSupply: 10n ** 22n });
  expect(estimateSnapshotReward(snapshotProgram.amount, start!, end!)).toBe(1_250n * E18);
});

const pairBurnAbi = parseAbi(['function burn(address to) returns (uint256 amount0, uint256 amount1)']);

test('the underlying amounts shown are what burn returns when that LP is removed', async () => {
  const { reading } = await readLp();
  const lp = reading.lpInWallet;
  const expected = {
    token: underlyingOf(lp, reading.tokenReserve, reading.lpSupply),
    eth: underlyingOf(lp, reading.quoteReserve, reading.lpSupply),
  };
  const before = await Promise.all([balanceOf(DEVNET_A.creatorToken, holder), balanceOf(DEVNET_A.weth, holder)]);
  await send({ to: pair, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [pair, lp] }) });
  await send({ to: pair, data: encodeFunctionData({ abi: pairBurnAbi, functionName: 'burn', args: [holder] }) });
  const after = await Promise.all([balanceOf(DEVNET_A.creatorToken, holder), balanceOf(DEVNET_A.weth, holder)]);
  expect({ token: after[0] - before[0], eth: after[1] - before[1] }).toEqual(expected);
  expect(expected).toEqual({ token: 10_000n * E18, eth: E18 });
});

// Uniswap V2's protocol fee: with the factory's feeTo set, burn first mints 1/6 of the growth of
// √k since kLast to feeTo. What the popup shows must equal what removeLiquidity pays either way.
const routerAbi = parseAbi([
  'function addLiquidityETH(address token, uint256 amountTokenDesired, uint256 amountTokenMin, uint256 amountETHMin, address to, uint256 deadline) payable returns (uint256 amountToken, uint256 amountETH, uint256 liquidity)',
  'function removeLiquidity(address tokenA, address tokenB, uint256 liquidity, uint256 amountAMin, uint256 amountBMin, address to, uint256 deadline) returns (uint256 amountA, uint256 amountB)',
  'function swapExactETHForTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable returns (uint256[] amounts)',
  'function swapExactTokensForETH(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline) returns (uint256[] amounts)',
]);
const setFeeToAbi = parseAbi(['function setFeeTo(address)']);
const provider = DEVNET_A.deployer; // holds the pool's founding LP, and is the factory's feeToSetter
const feeRecipient = DEVNET_HOLDERS.holder3.address;
const { router, creatorToken: token, weth } = DEVNET_A;
const setFeeTo = (to: Address) =>
  send({ to: DEVNET_A.factory, data: encodeFunctionData({ abi: setFeeToAbi, functionName: 'setFeeTo', args: [to] }) }, provider);

async function roundTrips(count: number) {
  for (let i = 0; i < count; i++) {
    const before = await balanceOf(token, provider);
    await send(
      {
        to: router,
        value: 5n * E18,
        data: encodeFunctionData({
          abi: routerAbi,
          functionName: 'swapExactETHForTokens',
          args: [0n, [weth, token], provider, maxUint256],
        }),
      },
      provider,
    );
    const bought = (await balanceOf(token, provider)) - before;
    await send(
      {
        to: router,
        data: encodeFunctionData({
          abi: routerAbi,
          functionName: 'swapExactTokensForETH',
          args: [bought, 0n, [token, weth], provider, maxUint256],
        }),
      },
      provider,
    );
  }
}

/** The provider's LP as the refresh reads it, against removeLiquidity of a third of it as an eth_call. */
async function shownAndPaid() {
  const plan = combinePlans(planLpReads([{ pair, token, quote: weth, factory: DEVNET_A.factory }], provider));
  const reading = (await readChainSnapshot(client, chain, [token], provider, 'multicall', plan)).extra![0][0]!;
  const lp = reading.lpInWallet / 3n;
  const shown = lpPosition({ ...reading, lpInWallet: lp }, 18);
  const { result } = await client.simulateContract({
    account: provider,
    address: router,
    abi: routerAbi,
    functionName: 'removeLiquidity',
    args: [token, weth, lp, 0n, 0n, provider, maxUint256],
  });
  return { reading, lp, shown: { token: shown.tokenAmount, eth: shown.quoteAmount }, paid: { token: result[0], eth: result[1] } };
}

test('protocol fee off: after round-trip swaps, the amounts shown are what removeLiquidity pays, to the wei', async () => {
  for (const spender of [token, pair])
    await send({ to: spender, data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [router, maxUint256] }) }, provider);
  await roundTrips(3);
  const { reading, shown, paid } = await shownAndPaid();
  expect(reading).toMatchObject({ protocolFeeOn: false, kLast: 0n });
  expect(shown).toEqual(paid);
});

test('protocol fee on: burn mints the fee first; shown equals removeLiquidity to the wei, and feeTo gets the LP computed', async () => {
  await setFeeTo(feeRecipient);
  // kLast is recorded at the next mint or burn with the fee on; swaps after it grow √k.
  await send(
    {
      to: router,
      value: E18 / 10n,
      data: encodeFunctionData({
        abi: routerAbi,
        functionName: 'addLiquidityETH',
        args: [token, 1_000n * E18, 0n, 0n, provider, maxUint256],
      }),
    },
    provider,
  );
  await roundTrips(3);
  const { reading, lp, shown, paid } = await shownAndPaid();
  expect(reading.protocolFeeOn).toBe(true);
  expect(reading.kLast).toBeGreaterThan(0n);
  const fee = protocolFeeLp(reading);
  expect(fee).toBeGreaterThan(0n);
  // Without the fee mint the figure is too high: what the popup showed before.
  expect(underlyingOf(lp, reading.tokenReserve, reading.lpSupply)).toBeGreaterThan(paid.token);
  expect(shown).toEqual(paid);
  // The same burn, sent: feeTo receives exactly the LP the math minted.
  await send(
    {
      to: router,
      data: encodeFunctionData({ abi: routerAbi, functionName: 'removeLiquidity', args: [token, weth, lp, 0n, 0n, provider, maxUint256] }),
    },
    provider,
  );
  expect(await balanceOf(pair, feeRecipient)).toBe(fee);
});

test('protocol fee switched off again: kLast stays until the next burn but nothing is minted; shown equals removeLiquidity', async () => {
  await setFeeTo(zeroAddress);
  await roundTrips(2);
  const { reading, shown, paid } = await shownAndPaid();
  expect(reading.protocolFeeOn).toBe(false);
  expect(reading.kLast).toBeGreaterThan(0n);
  expect(shown).toEqual(paid);
});
