import { createPublicClient, fallback, http, type PublicClient } from 'viem';
import { rpcFetch } from './rpcFetch';
import type { ChainConfig } from './types';

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
export function createChainClient(chain: ChainConfig, options: ChainClientOptions = {}): PublicClient {
  const urls = options.rpcUrls?.length ? options.rpcUrls : chain.rpcUrls;
  const fetchFn = rpcFetch();
  const transports = urls.map((url) =>
    http(url, { batch: true, retryCount: 0, timeout: options.timeoutMs ?? CHAIN_REQUEST_TIMEOUT_MS, fetchFn }),
  );
  return createPublicClient({
    transport: fallback(transports, { retryCount: 0 }),
    chain: {
      id: chain.chainId,
      name: chain.name,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: urls } },
      contracts: { multicall3: { address: chain.multicall3 } },
    },
  });
}
