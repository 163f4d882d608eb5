import { createServer } from 'node:net';
import { createPublicClient, erc20Abi, http, keccak256, parseAbi, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEVNET_CHAINS } from '../../lib/chain/devnet';
import { uniswapV2PairAddress } from '../../lib/chain/pairAddress';
import { pricePlan } from '../../lib/chain/pricePlan';
import { BYTECODE, pairAbi } from '../devnet/artifacts';
import { devnetClient } from '../devnet/client';
import {
  ANVIL_ACCOUNTS,
  DEVNET_CREATOR_TOKENS,
  DEVNET_HOLDERS,
  DEVNET_NEXT_NONCE,
  DEVNET_USDC,
  deployExtraCreatorTokens,
  devnetDeployerNextNonce,
  startDevnet,
  type Devnet,
  type DevnetChain,
} from '../devnet/devnet';
import { startRpcProxy } from '../devnet/rpcProxy';

// Non-default ports, so a developer's `npm run devnet` on 8545/8546 can keep running.
const PORT_A = 18545;
const PORT_B = 18546;
let devnet: Devnet;

beforeAll(async () => {
  const started = performance.now();
  devnet = await startDevnet({ portA: PORT_A, portB: PORT_B });
  console.info(`devnet: both chains started and deployed in ${Math.round(performance.now() - started)} ms`);
});
afterAll(async () => {
  await devnet?.stop();
});

const clientFor = (chain: DevnetChain) => createPublicClient({ transport: http(chain.rpcUrl) });
const eachChain = () => devnet.chains.map((chain) => ({ chain, d: chain.deployment, client: clientFor(chain) }));

test('runs the two chains the extension expects, on the requested ports', async () => {
  expect(devnet.chains.map((c) => [c.chainId, c.port, c.rpcUrl])).toEqual([
    [31337, PORT_A, `http://127.0.0.1:${PORT_A}`],
    [31338, PORT_B, `http://127.0.0.1:${PORT_B}`],
  ]);
  for (const { chain, client } of eachChain()) expect(await client.getChainId()).toBe(chain.chainId);
});

test('every address in lib/chain/devnet.ts and both pairs have code', async () => {
  for (const { chain, d, client } of eachChain()) {
    const addresses = [d.weth, d.factory, d.router, d.multicall3, d.usdc, d.creatorToken, chain.pairs.creatorWeth, chain.pairs.wethUsdc];
    for (const address of addresses) expect(await client.getCode({ address }), address).toMatch(/^0x[0-9a-f]{10,}$/);
    expect(await client.getTransactionCount({ address: d.deployer })).toBe(devnetDeployerNextNonce(chain.chainId));
  }
});

test('pair addresses follow from the shipped pair code, as the extension derives them', () => {
  for (const { chain, d } of eachChain()) {
    const config = DEVNET_CHAINS.find((c) => c.chainId === chain.chainId)!;
    expect(keccak256(BYTECODE.pair)).toBe(config.uniswapV2.pairInitCodeHash);
    const hash = config.uniswapV2.pairInitCodeHash;
    expect(chain.pairs.wethUsdc).toBe(uniswapV2PairAddress(d.factory, hash, d.usdc, d.weth));
    // ETH/USD comes from the price plan's WETH/stablecoin reads: the deployed pair is among them.
    expect(pricePlan(config, []).reads.map((r) => r.functionName === 'getReserves' && r.address)).toContain(chain.pairs.wethUsdc);
    expect(chain.pairs.creatorWeth).toBe(uniswapV2PairAddress(d.factory, hash, d.weth, d.creatorToken));
  }
});

const tokenInfo = (client: ReturnType<typeof clientFor>, address: Address) =>
  Promise.all(
    (['name', 'symbol', 'decimals', 'totalSupply'] as const).map((functionName) =>
      client.readContract({ address, abi: erc20Abi, functionName }),
    ),
  );

test('tokens: names, symbols, 18 decimals, supplies', async () => {
  const [a, b] = eachChain();
  expect(await tokenInfo(a!.client, a!.d.creatorToken)).toEqual(['Alex Masmej', 'ALEX', 18, 10_000_000n * 10n ** 18n]);
  expect(await tokenInfo(b!.client, b!.d.creatorToken)).toEqual(['Mike Merrill', 'MIKE', 18, 1_000_000n * 10n ** 18n]);
  for (const { d, client } of eachChain()) {
    expect(await tokenInfo(client, d.usdc)).toEqual(['USD Coin (devnet)', 'USDC', 18, DEVNET_USDC.supply]);
  }
});

test('holders hold exactly what DEVNET_HOLDERS says', async () => {
  for (const { chain, d, client } of eachChain()) {
    for (const holder of Object.values(DEVNET_HOLDERS)) {
      expect(privateKeyToAccount(holder.privateKey).address).toBe(holder.address);
      const expected = holder.holdings[d.chainId];
      const [token, lp] = await Promise.all([
        client.readContract({ address: d.creatorToken, abi: erc20Abi, functionName: 'balanceOf', args: [holder.address] }),
        client.readContract({ address: chain.pairs.creatorWeth, abi: erc20Abi, functionName: 'balanceOf', args: [holder.address] }),
      ]);
      expect({ token, lp }).toEqual({ token: expected.creatorToken, lp: expected.creatorWethLp });
    }
  }
  expect(DEVNET_HOLDERS.holder1.holdings[31337].creatorToken).toBe(12_500n * 10n ** 18n);
  expect(DEVNET_HOLDERS.holder2.holdings[31337].creatorToken).toBe(250_000n * 10n ** 18n);
});

async function reservesOf(client: ReturnType<typeof clientFor>, pair: Address, tokenA: Address) {
  const [token0, [r0, r1]] = await Promise.all([
    client.readContract({ address: pair, abi: pairAbi, functionName: 'token0' }),
    client.readContract({ address: pair, abi: pairAbi, functionName: 'getReserves' }),
  ]);
  return token0 === tokenA ? [r0, r1] : [r1, r0];
}

test('pools: reserves as seeded, 1 ETH = 3,000 USDC', async () => {
  for (const { chain, d, client } of eachChain()) {
    const [weth, usdc] = await reservesOf(client, chain.pairs.wethUsdc, d.weth);
    expect({ weth, usdc }).toEqual({ weth: DEVNET_USDC.wethUsdcLiquidity.eth, usdc: DEVNET_USDC.wethUsdcLiquidity.token });
    expect(usdc! / weth!).toBe(3_000n);
    const seeded = DEVNET_CREATOR_TOKENS[d.chainId].wethLiquidity;
    expect(await reservesOf(client, chain.pairs.creatorWeth, d.creatorToken)).toEqual([seeded.token, seeded.eth]);
  }
  // 1,000,000 ALEX : 100 ETH mints sqrt(10^24 * 10^20) = 10^22 LP: holder 1's 100 LP are exactly 1%.
  const [a] = eachChain();
  expect(await a!.client.readContract({ address: a!.chain.pairs.creatorWeth, abi: pairAbi, functionName: 'totalSupply' })).toBe(10n ** 22n);
});

// viem's multicall3Abi covers only what viem calls; these two are part of the canonical contract.
const multicall3Extras = parseAbi([
  'function getBlockNumber() view returns (uint256)',
  'function getEthBalance(address addr) view returns (uint256)',
]);

test('Multicall3: aggregate3, getBlockNumber, getEthBalance', async () => {
  for (const { d, client } of eachChain()) {
    const holder = DEVNET_HOLDERS.holder1.address;
    const [symbol, balance] = await client.multicall({
      multicallAddress: d.multicall3,
      contracts: [
        { address: d.creatorToken, abi: erc20Abi, functionName: 'symbol' },
        { address: d.creatorToken, abi: erc20Abi, functionName: 'balanceOf', args: [holder] },
      ],
      allowFailure: false,
    });
    expect(symbol).toBe(DEVNET_CREATOR_TOKENS[d.chainId].symbol);
    expect(balance).toBe(DEVNET_HOLDERS.holder1.holdings[d.chainId].creatorToken);
    const [blockNumber, ethBalance] = await Promise.all([
      client.readContract({ address: d.multicall3, abi: multicall3Extras, functionName: 'getBlockNumber' }),
      client.readContract({ address: d.multicall3, abi: multicall3Extras, functionName: 'getEthBalance', args: [holder] }),
    ]);
    expect(blockNumber).toBe(await client.getBlockNumber());
    expect(ethBalance).toBe(await client.getBalance({ address: holder }));
  }
});

test('anvil keys are the ones anvil unlocks', async () => {
  const unlocked = await devnetClient(devnet.chains[0].rpcUrl).getAddresses();
  expect(unlocked).toEqual(ANVIL_ACCOUNTS.map((x) => x.address));
  for (const { address, privateKey } of ANVIL_ACCOUNTS) expect(privateKeyToAccount(privateKey).address).toBe(address);
});

test('extra creator tokens for the bench: each with a funded pair and a holder balance', async () => {
  const chain = devnet.chains[1];
  const client = clientFor(chain);
  const holder = ANVIL_ACCOUNTS[5].address; // not one of DEVNET_HOLDERS: their balances stay as documented
  const extra = await deployExtraCreatorTokens(chain, 3, holder);
  expect(new Set(extra.map((e) => e.token)).size).toBe(3);
  for (const { token, pair } of extra) {
    expect(await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] })).toBeGreaterThan(0n);
    const [tokenReserve, wethReserve] = await reservesOf(client, pair, token);
    expect(tokenReserve).toBeGreaterThan(0n);
    expect(wethReserve).toBeGreaterThan(0n);
  }
  const more = await deployExtraCreatorTokens(chain, 1, holder);
  expect(await client.readContract({ address: more[0]!.token, abi: erc20Abi, functionName: 'symbol' })).toBe('BENCH4');
  expect(await client.getTransactionCount({ address: chain.deployment.deployer })).toBe(DEVNET_NEXT_NONCE);
});

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

test('a taken port fails with a message naming it, and leaves no anvil behind', async () => {
  await expect(startDevnet({ portA: PORT_A, portB: 18547 })).rejects.toThrow(`Port ${PORT_A} is already in use`);
  expect(await portIsFree(18547)).toBe(true);
});

test('RPC proxy: counts HTTP requests (a batch is one), adds latency, answers CORS like anvil', async () => {
  const [a] = devnet.chains;
  const proxy = await startRpcProxy({ target: a.rpcUrl });
  try {
    const viaProxy = createPublicClient({ transport: http(proxy.url, { batch: true }) });
    await viaProxy.getBlockNumber();
    expect(proxy.requestCount()).toBe(1);
    await Promise.all([viaProxy.getChainId(), viaProxy.getBalance({ address: a.deployment.deployer }), viaProxy.getGasPrice()]);
    expect(proxy.requestCount()).toBe(2);
    expect(proxy.callCount()).toBe(4);

    proxy.resetCount();
    proxy.setLatency(150);
    const started = performance.now();
    await viaProxy.getBlockNumber({ cacheTime: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(proxy.requestCount()).toBe(1);
    proxy.setLatency(0);
    proxy.resetCount();

    const preflight = (url: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const [direct, proxied] = await Promise.all([preflight(a.rpcUrl), preflight(proxy.url)]);
    const cors = (r: Response) =>
      ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers'].map((h) => r.headers.get(h));
    expect(proxied.status).toBe(direct.status);
    expect(cors(proxied)).toEqual(cors(direct));
    expect(cors(proxied)[0]).toBe('*');
    expect(proxy.preflightCount()).toBe(1);
    expect(proxy.requestCount()).toBe(0);
  } finally {
    await proxy.stop();
  }
});
