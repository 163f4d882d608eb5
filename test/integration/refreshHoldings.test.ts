import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicClient, http, type Address } from 'viem';
import { erc20Abi, uniswapV2PairAbi } from '@/lib/chain/abis';
import { DEVNET_A, DEVNET_B } from '@/lib/chain/devnet';
import { chainById } from '@/lib/chain/knownChains';
import { clientFor } from '@/lib/chain/chainClients';
import { createChainClient } from '@/lib/chain/createChainClient';
import { readChainSnapshot } from '@/lib/chain/readChainSnapshot';
import { CompanionDatabase } from '@/lib/db/database';
import { holdingsOf } from '@/lib/holdings/holdingsRepository';
import { follow } from '@/lib/holdings/followsRepository';
import { writeSetting } from '@/lib/settings/settingsRepository';
import { REFRESH_DEADLINE_MS, refreshHoldings } from '@/lib/holdings/background/refreshHoldings';
import { toHoldingView } from '@/lib/holdings/core/holdingView';
import { formatTokenId } from '@/lib/protocol/caip19';
import { DEVNET_HOLDERS, startDevnet, type Devnet } from '../devnet/devnet';
import { startRpcProxy } from '../devnet/rpcProxy';

const E18 = 10n ** 18n;
const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const MIKE = formatTokenId(DEVNET_B.chainId, DEVNET_B.creatorToken);
const holder = DEVNET_HOLDERS.holder1.address;
let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet({ portA: 18645, portB: 18646 });
});
afterAll(() => devnet?.stop());

function independentClient(rpcUrl: string) {
  return createPublicClient({ transport: http(rpcUrl) });
}

async function databaseOn(rpcA: string[], rpcB: string[]): Promise<CompanionDatabase> {
  const db = new CompanionDatabase(`refresh-${Math.random()}`);
  await writeSetting(db, 'watchAddress', holder);
  await writeSetting(db, 'rpcUrls', { [DEVNET_A.chainId]: rpcA, [DEVNET_B.chainId]: rpcB });
  for (const [tokenId, chainId, address] of [
    [ALEX, DEVNET_A.chainId, DEVNET_A.creatorToken],
    [MIKE, DEVNET_B.chainId, DEVNET_B.creatorToken],
  ] as const) {
    await follow(db, {
      tokenId,
      chainId,
      address,
      symbol: null,
      name: null,
      creatorName: null,
      siteOrigin: null,
      confirmation: 'declared',
      manifest: null,
      followedAt: 1,
    });
  }
  return db;
}

describe('what the popup reads is what the chain holds', () => {
  test('one snapshot: balance, metadata and pool reserves equal direct reads at the same block', async () => {
    const [chainA] = devnet.chains;
    const config = { ...chainById(DEVNET_A.chainId)!, rpcUrls: [chainA.rpcUrl] };
    const snapshot = await readChainSnapshot(createChainClient(config), config, [DEVNET_A.creatorToken], holder);
    const direct = independentClient(chainA.rpcUrl);
    const blockNumber = snapshot.blockNumber;
    const [balance, [r0, r1], token0] = await Promise.all([
      direct.readContract({ address: DEVNET_A.creatorToken, abi: erc20Abi, functionName: 'balanceOf', args: [holder], blockNumber }),
      direct.readContract({ address: chainA.pairs.creatorWeth, abi: uniswapV2PairAbi, functionName: 'getReserves', blockNumber }),
      direct.readContract({ address: chainA.pairs.creatorWeth, abi: uniswapV2PairAbi, functionName: 'token0' }),
    ]);
    const reading = snapshot.tokens[0]!;
    expect(reading).toMatchObject({ name: 'Alex Masmej', symbol: 'ALEX', decimals: 18, balance });
    expect(balance).toBe(DEVNET_HOLDERS.holder1.holdings[DEVNET_A.chainId].creatorToken);
    const alexIsToken0 = token0.toLowerCase() === DEVNET_A.creatorToken.toLowerCase();
    // The creator token's V2 pair with WETH, as the price plan read it in the same call.
    const v2 = snapshot.pools.tokens.get(DEVNET_A.creatorToken.toLowerCase())?.find((p) => p.protocol === 'v2' && p.quote.kind === 'weth');
    expect(v2?.state).toEqual({
      protocol: 'v2',
      baseReserve: alexIsToken0 ? r0 : r1,
      quoteReserve: alexIsToken0 ? r1 : r0,
    });
  });

  test('a refresh of two chains stores balance, price and value per token; one HTTP request per chain', async () => {
    const [chainA, chainB] = devnet.chains;
    const proxyA = await startRpcProxy({ target: chainA.rpcUrl });
    const proxyB = await startRpcProxy({ target: chainB.rpcUrl });
    try {
      const db = await databaseOn([proxyA.url], [proxyB.url]);
      const outcome = await refreshHoldings({ db, clientFor }, []);
      expect(outcome.chains.map((c) => c.error)).toEqual([null, null]);
      expect([proxyA.requestCount(), proxyB.requestCount()]).toEqual([1, 1]);

      const views = new Map((await holdingsOf(db, holder)).map((row) => [row.tokenId, toHoldingView(row)]));
      const alex = views.get(ALEX)!;
      expect(alex.balance).toBe(12_500n * E18);
      expect(alex.priceEthE18).toBe(E18 / 10_000n); // 1,000,000 ALEX : 100 ETH
      expect(alex.priceUsdE18).toBe(3n * 10n ** 17n); // at 3,000 USD per ETH
      expect(alex.valueUsdE18).toBe(3_750n * E18);
      const mike = views.get(MIKE)!;
      expect(mike.balance).toBe(DEVNET_HOLDERS.holder1.holdings[DEVNET_B.chainId].creatorToken);
      expect(mike.priceEthE18).toBe(E18 / 4_000n);
      expect(mike.blockNumber).toBe(await independentClient(chainB.rpcUrl).getBlockNumber());
    } finally {
      await Promise.all([proxyA.stop(), proxyB.stop()]);
    }
  });

  test('a dead first endpoint falls back to the next one', async () => {
    const db = await databaseOn(['http://127.0.0.1:9', devnet.chains[0].rpcUrl], [devnet.chains[1].rpcUrl]);
    const outcome = await refreshHoldings({ db, clientFor }, []);
    expect(outcome.chains.map((c) => c.error)).toEqual([null, null]);
  });

  test('an unreachable chain keeps the last values and is recorded as failing (stale), the other chain still refreshes', async () => {
    const db = await databaseOn([devnet.chains[0].rpcUrl], [devnet.chains[1].rpcUrl]);
    await refreshHoldings({ db, clientFor }, []);
    const before = await holdingsOf(db, holder);
    await writeSetting(db, 'rpcUrls', { [DEVNET_A.chainId]: ['http://127.0.0.1:9'], [DEVNET_B.chainId]: [devnet.chains[1].rpcUrl] });
    const outcome = await refreshHoldings({ db, clientFor }, []);
    expect(outcome.chains.find((c) => c.chainId === DEVNET_A.chainId)?.error).toMatch(
      /^Could not reach Devnet A: .*Showing the last values read\.$/,
    );
    expect(outcome.chains.find((c) => c.chainId === DEVNET_B.chainId)?.error).toBeNull();
    const after = await holdingsOf(db, holder);
    expect(after.find((r) => r.tokenId === ALEX)?.latest).toEqual(before.find((r) => r.tokenId === ALEX)?.latest);
    const status = await db.chainStatus.get(DEVNET_A.chainId);
    expect(status?.lastError).toMatch(/Could not reach Devnet A/);
    expect(status?.lastSuccessAt).not.toBeNull();
  });

  test('an endpoint that accepts and never answers: stale within a few seconds, one request', async () => {
    const proxy = await startRpcProxy({ target: devnet.chains[0].rpcUrl });
    try {
      const db = await databaseOn([proxy.url], [devnet.chains[1].rpcUrl]);
      proxy.setFault({ kind: 'hang' });
      const started = Date.now();
      const outcome = await refreshHoldings({ db, clientFor }, []);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(outcome.chains.find((c) => c.chainId === DEVNET_A.chainId)?.error).toBe(
        'Could not reach Devnet A: the RPC endpoint did not answer within 4 s. Showing the last values read.',
      );
      expect(outcome.chains.find((c) => c.chainId === DEVNET_B.chainId)?.error).toBeNull();
      expect(proxy.requestCount()).toBe(1);
      expect((await db.chainStatus.get(DEVNET_A.chainId))?.lastError).toMatch(/did not answer within 4 s/);
    } finally {
      await proxy.stop();
    }
  });

  test('HTTP 429 with Retry-After: 3600 is not waited for: stale at once, no retries', async () => {
    const proxy = await startRpcProxy({ target: devnet.chains[0].rpcUrl });
    try {
      const db = await databaseOn([proxy.url], [devnet.chains[1].rpcUrl]);
      proxy.setFault({ kind: 'status', status: 429, retryAfter: '3600' });
      const started = Date.now();
      const outcome = await refreshHoldings({ db, clientFor }, []);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(outcome.chains.find((c) => c.chainId === DEVNET_A.chainId)?.error).toBe(
        'Could not reach Devnet A: the RPC endpoint is limiting requests (HTTP 429); try again later or add another endpoint in Settings. Showing the last values read.',
      );
      expect(proxy.requestCount()).toBe(1);
    } finally {
      await proxy.stop();
    }
  });

  test('a rate-limited or hanging first endpoint: the next endpoint answers', async () => {
    const [limited, hanging] = [
      await startRpcProxy({ target: devnet.chains[0].rpcUrl }),
      await startRpcProxy({ target: devnet.chains[1].rpcUrl }),
    ];
    try {
      limited.setFault({ kind: 'status', status: 429, retryAfter: '3600' });
      hanging.setFault({ kind: 'hang' });
      const db = await databaseOn([limited.url, devnet.chains[0].rpcUrl], [hanging.url, devnet.chains[1].rpcUrl]);
      const started = Date.now();
      const outcome = await refreshHoldings({ db, clientFor }, []);
      expect(outcome.chains.map((c) => c.error)).toEqual([null, null]);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect([limited.requestCount(), hanging.requestCount()]).toEqual([1, 1]);
    } finally {
      await Promise.all([limited.stop(), hanging.stop()]);
    }
  });

  test('endpoints that all hang: the refresh ends at its overall deadline, stale', async () => {
    const proxies = await Promise.all([0, 1, 2].map(() => startRpcProxy({ target: devnet.chains[0].rpcUrl })));
    try {
      for (const proxy of proxies) proxy.setFault({ kind: 'hang' });
      const db = await databaseOn(
        proxies.map((p) => p.url),
        [devnet.chains[1].rpcUrl],
      );
      const started = Date.now();
      const outcome = await refreshHoldings({ db, clientFor }, []);
      expect(Date.now() - started).toBeLessThan(REFRESH_DEADLINE_MS + 1_000);
      expect(outcome.chains.find((c) => c.chainId === DEVNET_A.chainId)?.error).toBe(
        'Could not reach Devnet A: no answer within 10 s. Showing the last values read.',
      );
    } finally {
      await Promise.all(proxies.map((p) => p.stop()));
    }
  });

  test('a short Retry-After is waited for once, then the same endpoint answers', async () => {
    const proxy = await startRpcProxy({ target: devnet.chains[0].rpcUrl });
    try {
      const db = await databaseOn([proxy.url], [devnet.chains[1].rpcUrl]);
      proxy.setFault({ kind: 'status', status: 429, retryAfter: '1' }, 1);
      const outcome = await refreshHoldings({ db, clientFor }, []);
      expect(outcome.chains.map((c) => c.error)).toEqual([null, null]);
      expect(proxy.requestCount()).toBe(2);
    } finally {
      await proxy.stop();
    }
  });

  test('a token that is not a contract yields no holding instead of breaking the refresh', async () => {
    const db = await databaseOn([devnet.chains[0].rpcUrl], [devnet.chains[1].rpcUrl]);
    const notAToken: Address = '0x000000000000000000000000000000000000dEaD';
    const outcome = await refreshHoldings({ db, clientFor }, [formatTokenId(DEVNET_A.chainId, notAToken)]);
    expect(outcome.chains.every((c) => c.error === null)).toBe(true);
    const tokens = (await holdingsOf(db, holder)).map((r) => r.tokenId).sort();
    expect(tokens).toEqual([ALEX, MIKE].sort());
  });
});
