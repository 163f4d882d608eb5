import { createClient, fallback, http, type Chain, type Client, type PublicClient, type Transport } from 'viem';
import {
  call,
  getBlock,
  getBlockNumber,
  getTransaction,
  getTransactionCount,
  getTransactionReceipt,
  multicall,
  readContract,
  waitForTransactionReceipt,
} from 'viem/actions';
import { rpcFetch } from './rpcFetch';
import type { ChainConfig } from './types';

/** What the product asks of a chain. */
type ChainReads =
  | 'call'
  | 'getBlock'
  | 'getBlockNumber'
  | 'getTransaction'
  | 'getTransactionCount'
  | 'getTransactionReceipt'
  | 'multicall'
  | 'readContract'
  | 'waitForTransactionReceipt';

/**
 * A chain client with only the reads the product makes. Built from `createClient` with those
 * actions rather than `createPublicClient`, which brings all of viem's public actions (and hashes
 * at load): about 100 KB less in background-features.js, which Chrome sends to the worker on every
 * start. A viem `PublicClient` (tests' anvil clients) is one too.
 */
export type ChainClient = Pick<PublicClient, ChainReads>;

function chainReads(client: Client<Transport, Chain>): ChainClient {
  return {
    call: (args) => call(client, args),
    getBlock: (args) => getBlock(client, args),
    getBlockNumber: (args) => getBlockNumber(client, args),
    getTransaction: (args) => getTransaction(client, args),
    getTransactionCount: (args) => getTransactionCount(client, args),
    getTransactionReceipt: (args) => getTransactionReceipt(client, args),
    multicall: (args) => multicall(client, args),
    readContract: (args) => readContract(client, args),
    waitForTransactionReceipt: (args) => waitForTransactionReceipt(client, args),
  };
}

/** Per HTTP request to an endpoint, both tries included: a hanging endpoint costs this much. */
export const CHAIN_REQUEST_TIMEOUT_MS = 4_000;

export interface ChainClientOptions {
  /** Endpoints to use instead of the chain's defaults (from settings), tried in order. */
  rpcUrls?: string[];
  timeoutMs?: number;
}

/**
 * A viem client for one chain: each endpoint tried once (one quick retry inside, see rpcFetch),
 * then the next one (fallback); no retries stacked on retries, so a dead chain fails in at most
 * endpoints × timeout. JSON-RPC batching on, so concurrent reads share one HTTP request.
 */
export function createChainClient(chain: ChainConfig, options: ChainClientOptions = {}): ChainClient {
  const urls = options.rpcUrls?.length ? options.rpcUrls : chain.rpcUrls;
  const fetchFn = rpcFetch();
  const transports = urls.map((url) =>
    http(url, { batch: true, retryCount: 0, timeout: options.timeoutMs ?? CHAIN_REQUEST_TIMEOUT_MS, fetchFn }),
  );
  const client = createClient({
    transport: fallback(transports, { retryCount: 0 }),
    chain: {
      id: chain.chainId,
      name: chain.name,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: urls } },
      contracts: { multicall3: { address: chain.multicall3 } },
    },
  });
  return chainReads(client);
}
