import { createPublicClient, http, type Address } from 'viem';
import { createChainClient } from '../../lib/chain/createChainClient';
import { DEVNET_A, DEVNET_CHAINS } from '../../lib/chain/devnet';
import { readChainSnapshot, type ChainSnapshot, type TokenReading } from '../../lib/chain/readChainSnapshot';
import { deployExtraCreatorTokens, DEVNET_HOLDERS, type Devnet } from '../devnet/devnet';
import { startRpcProxy } from '../devnet/rpcProxy';
import type { Cleanup } from './cleanup';
import { median, timeMs } from './stats';

export const FOLLOWED_TOKENS = 50;
/** Per HTTP response, so round trips cost what they cost against a remote RPC. */
export const ADDED_LATENCY_MS = 50;
const TIMED_RUNS = 5;
export const BROWSER_CONNECTIONS_PER_HOST = 6;

/** A fetch that runs at most `limit` requests at once; the rest wait their turn. */
export function limitConcurrency(fetchFn: typeof fetch, limit: number): typeof fetch {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (...args) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fetchFn(...args);
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export interface RpcRefreshResult {
  tokens: number;
  /** HTTP requests reaching the RPC for one refresh, and the JSON-RPC calls inside them. */
  multicall: { requests: number; calls: number; medianMs: number; samplesMs: number[] };
  naive: { requests: number; calls: number; medianMs: number; samplesMs: number[] };
  /** The naive client held to Chromium's 6 connections per host, as it would run in the extension. */
  naiveBrowserLimit: { medianMs: number; samplesMs: number[] };
  /** Same holdings read both ways: the comparison is only fair if both read the same thing. */
  sameResult: boolean;
}

function balances(snapshot: ChainSnapshot): string {
  const v2 = (t: TokenReading) =>
    snapshot.pools.tokens.get(t.address.toLowerCase())?.find((p) => p.protocol === 'v2' && p.quote.kind === 'weth');
  return snapshot.tokens
    .map((t) => `${t.address}:${t.balance}:${JSON.stringify(v2(t)?.state, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v))}`)
    .join(',');
}

/** One refresh of 50 followed tokens on chain A: the extension's client vs one request per read. */
export async function measureRpcRefresh(devnet: Devnet, cleanup: Cleanup): Promise<RpcRefreshResult> {
  const chainA = devnet.chains[0];
  const holder = DEVNET_HOLDERS.holder1.address;
  const extra = await deployExtraCreatorTokens(chainA, FOLLOWED_TOKENS - 1, holder);
  const tokens: Address[] = [DEVNET_A.creatorToken, ...extra.map((e) => e.token)];

  // A proxy of its own (free port): the ones on 8545/8546 are the browser's.
  const proxy = await startRpcProxy({ target: chainA.rpcUrl, latencyMs: ADDED_LATENCY_MS });
  cleanup.add('RPC proxy for the refresh figures', () => proxy.stop());
  const chain = { ...DEVNET_CHAINS[0]!, rpcUrls: [proxy.url] };
  const extensionClient = createChainClient(chain);
  // The naive baseline: no JSON-RPC batching, so every read is its own HTTP request.
  const naiveClient = createPublicClient({ transport: http(proxy.url) });
  const multicall = () => readChainSnapshot(extensionClient, chain, tokens, holder, 'multicall');
  const naive = () => readChainSnapshot(naiveClient, chain, tokens, holder, 'one-call-per-read');
  // Node's fetch opens as many connections as asked; a browser opens 6 per host (HTTP/1.1).
  const limitedClient = createPublicClient({
    transport: http(proxy.url, { fetchFn: limitConcurrency(fetch, BROWSER_CONNECTIONS_PER_HOST) }),
  });
  const naiveBrowserLimit = () => readChainSnapshot(limitedClient, chain, tokens, holder, 'one-call-per-read');

  const count = async (refresh: () => Promise<ChainSnapshot>) => {
    proxy.resetCount();
    const snapshot = await refresh();
    return { snapshot, requests: proxy.requestCount(), calls: proxy.callCount() };
  };
  // The first of each also warms up connections and JIT, so the timed runs below compare steady states.
  const m = await count(multicall);
  const n = await count(naive);

  // Interleaved, so a burst of load from another process hits both strategies alike.
  const samples = { multicall: [] as number[], naive: [] as number[], naiveBrowserLimit: [] as number[] };
  for (let i = 0; i < TIMED_RUNS; i++) {
    samples.multicall.push(await timeMs(multicall));
    samples.naive.push(await timeMs(naive));
    samples.naiveBrowserLimit.push(await timeMs(naiveBrowserLimit));
  }
  return {
    tokens: tokens.length,
    multicall: { requests: m.requests, calls: m.calls, medianMs: median(samples.multicall), samplesMs: samples.multicall },
    naive: { requests: n.requests, calls: n.calls, medianMs: median(samples.naive), samplesMs: samples.naive },
    naiveBrowserLimit: { medianMs: median(samples.naiveBrowserLimit), samplesMs: samples.naiveBrowserLimit },
    sameResult: balances(m.snapshot) === balances(n.snapshot),
  };
}
