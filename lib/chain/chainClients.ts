import type { ChainClient } from '@/lib/chain/createChainClient';
import { createChainClient } from '@/lib/chain/createChainClient';
import type { ChainConfig } from '@/lib/chain/types';

// One client per chain and endpoint list, reused across refreshes so JSON-RPC batching and
// viem's caches work; a settings change gives a new key and so a new client.
const clients = new Map<string, ChainClient>();

export function clientFor(chain: ChainConfig, rpcUrls: string[] | undefined): ChainClient {
  const urls = rpcUrls?.length ? rpcUrls : chain.rpcUrls;
  const key = `${chain.chainId}|${urls.join(' ')}`;
  let client = clients.get(key);
  if (!client) {
    client = createChainClient(chain, { rpcUrls: urls });
    clients.set(key, client);
  }
  return client;
}
