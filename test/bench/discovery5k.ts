import { createPublicClient, http, type Address } from 'viem';
import { erc20Abi } from '../../lib/chain/abis';
import { createChainClient } from '../../lib/chain/createChainClient';
import { DEVNET_CHAINS } from '../../lib/chain/devnet';
import { discoveryChunks, MAX_BALANCE_READS_PER_CALL } from '../../lib/holdings/core/discoveryPlan';
import { balancesOf } from '../../lib/holdings/background/listedBalances';
import { DEVNET_HOLDERS, type Devnet } from '../devnet/devnet';
import { deployListedTokens, type ListedDevnetToken } from '../devnet/listedTokens';
import { startRpcProxy } from '../devnet/rpcProxy';
import type { Cleanup } from './cleanup';
import { ADDED_LATENCY_MS, BROWSER_CONNECTIONS_PER_HOST, limitConcurrency } from './rpcRefresh';
import { median, timeMs } from './stats';

export const LISTED_TOKENS = 5_000;
const HELD_PER_CHAIN = 5;
const TIMED_RUNS = 3;

export interface Discovery5kResult {
  tokens: number;
  chains: number;
  chunks: number;
  /** HTTP requests and eth_calls reaching the RPCs for one discovery over every chain. */
  requests: number;
  calls: number;
  medianMs: number;
  samplesMs: number[];
  /** One `balanceOf` request per token, held to a browser's 6 connections per host. */
  naive: { requests: number; ms: number };
  found: number;
  sameResult: boolean;
}

/**
 * Discovery of 5,000 listed tokens spread over the devnet chains (the ones a devnet build reads):
 * the extension's chunked multicalls (lib/holdings/background/listedBalances, as discoverHoldings
 * runs them, every chain and chunk at once) vs one request per token through 6 connections per host.
 */
export async function measureDiscovery5k(devnet: Devnet, cleanup: Cleanup): Promise<Discovery5kResult> {
  const holder = DEVNET_HOLDERS.holder1.address;
  const other = DEVNET_HOLDERS.holder2.address;
  const perChain = LISTED_TOKENS / devnet.chains.length;
  const listed: ListedDevnetToken[] = [];
  for (const chain of devnet.chains) {
    listed.push(
      ...(await deployListedTokens(chain, { held: HELD_PER_CHAIN, other: 0, clones: perChain - HELD_PER_CHAIN, noCode: 0 }, holder, other)),
    );
  }
  const setups = await Promise.all(
    devnet.chains.map(async (chain, i) => {
      const proxy = await startRpcProxy({ target: chain.rpcUrl, latencyMs: ADDED_LATENCY_MS });
      cleanup.add(`RPC proxy for discovery on chain ${chain.chainId}`, () => proxy.stop());
      const config = { ...DEVNET_CHAINS[i]!, rpcUrls: [proxy.url] };
      return {
        proxy,
        config,
        client: createChainClient(config),
        naive: createPublicClient({ transport: http(proxy.url, { fetchFn: limitConcurrency(fetch, BROWSER_CONNECTIONS_PER_HOST) }) }),
      };
    }),
  );
  const plan = discoveryChunks(
    listed,
    setups.map((s) => s.config.chainId),
  );

  const discover = async (): Promise<string[]> => {
    const perChain = await Promise.all(
      setups.map(async ({ config, client }) => {
        const chunks = plan.get(config.chainId) ?? [];
        const balances = (await Promise.all(chunks.map((chunk) => balancesOf(client, config, chunk, holder)))).flat();
        return balances.filter((b) => b.balance > 0n).map((b) => `${config.chainId}:${b.token.address}`);
      }),
    );
    return perChain.flat().sort();
  };
  const naive = async (): Promise<string[]> => {
    const perChain = await Promise.all(
      setups.map(async ({ config, naive: client }) => {
        const tokens = listed.filter((t) => t.chainId === config.chainId);
        const balances = await Promise.all(
          tokens.map((t) =>
            client
              .readContract({ address: t.address as Address, abi: erc20Abi, functionName: 'balanceOf', args: [holder] })
              .catch(() => 0n),
          ),
        );
        return tokens.filter((_, i) => (balances[i] ?? 0n) > 0n).map((t) => `${config.chainId}:${t.address}`);
      }),
    );
    return perChain.flat().sort();
  };

  const reset = () => setups.forEach((s) => s.proxy.resetCount());
  const sum = (f: (s: (typeof setups)[number]) => number) => setups.reduce((n, s) => n + f(s), 0);
  reset();
  const found = await discover();
  const requests = sum((s) => s.proxy.requestCount());
  const calls = sum((s) => s.proxy.callCount());
  const samples: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) samples.push(await timeMs(discover));
  reset();
  const startNaive = performance.now();
  const naiveFound = await naive();
  const naiveMs = performance.now() - startNaive;
  const naiveRequests = sum((s) => s.proxy.requestCount());

  return {
    tokens: listed.length,
    chains: setups.length,
    chunks: [...plan.values()].reduce((n, chunks) => n + chunks.length, 0),
    requests,
    calls,
    medianMs: median(samples),
    samplesMs: samples,
    naive: { requests: naiveRequests, ms: naiveMs },
    found: found.length,
    sameResult: found.join() === naiveFound.join() && found.length === HELD_PER_CHAIN * setups.length,
  };
}

export { MAX_BALANCE_READS_PER_CALL };
