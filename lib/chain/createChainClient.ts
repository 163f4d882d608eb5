import { createPublicClient, fallback, http, type PublicClient } from 'viem';
import type { ChainConfig } from './types';

export interface ChainClientOptions {
  /** Endpoints to use instead of the chain's defaults (from settings), tried in order. */
  rpcUrls?: string[];
  timeoutMs?: number;
}

/**
 * A viem client for one chain: each endpoint retried, then the next one tried (fallback);
 * JSON-RPC batching on, so concurrent reads share one HTTP request.
 */
export function createChainClient(chain: ChainConfig, options: ChainClientOptions = {}): PublicClient {
  const urls = options.rpcUrls?.length ? options.rpcUrls : chain.rpcUrls;
  const transports = urls.map((url) =>
    http(url, { batch: true, retryCount: 2, retryDelay: 150, timeout: options.timeoutMs ?? 10_000 }),
  );
  return createPublicClient({
    transport: fallback(transports),
    chain: {
      id: chain.chainId,
      name: chain.name,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: urls } },
      contracts: { multicall3: { address: chain.multicall3 } },
    },
  });
}
