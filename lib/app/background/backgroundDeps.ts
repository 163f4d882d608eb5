import type { ChainClient } from '@/lib/chain/createChainClient';
import { clientFor } from '@/lib/chain/chainClients';
import type { ChainConfig } from '@/lib/chain/types';
import { database, type CompanionDatabase } from '@/lib/db/database';
import type { PageWalletChoice } from '@/lib/gates/contract';
import { listPageWallets, requestPageWallet, type PageTarget } from '@/lib/gates/background/pageWalletBridge';
import { wallet, type Wallet } from '@/lib/wallet';

/**
 * What the background's flows act on, passed in rather than reached for: the real ones in the
 * service worker (`backgroundDeps()`), a fresh fake-IndexedDB database, an anvil client and a fake
 * wallet in tests. Each flow takes only the part it uses (`Pick<BackgroundDeps, …>`).
 */
export interface BackgroundDeps {
  db: CompanionDatabase;
  /** The client of a chain through the holder's RPC endpoints (the chain's defaults when none). */
  clientFor(chain: ChainConfig, rpcUrls: string[] | undefined): ChainClient;
  /** The extension's wallet (MetaMask), for transactions and typed-data signatures. */
  wallet: Pick<Wallet, 'sendTransaction' | 'signTypedData' | 'supportsAtomicBatch' | 'sendCalls' | 'callsStatus'>;
  /** The wallets of the page a gate is unlocked on, asked in that page. */
  pageWallet: PageWallet;
}

export interface PageWallet {
  list(page: PageTarget): Promise<PageWalletChoice[]>;
  request(page: PageTarget, uuid: string, method: string, params: unknown[]): Promise<unknown>;
}

let real: BackgroundDeps | null = null;

/** The service worker's own: IndexedDB, the cached chain clients, MetaMask, the page's wallets. */
export function backgroundDeps(): BackgroundDeps {
  real ??= {
    db: database(),
    clientFor,
    // Resolved per call: the MetaMask connection is created on first use only.
    wallet: {
      sendTransaction: (parameters) => wallet().sendTransaction(parameters),
      signTypedData: (parameters) => wallet().signTypedData(parameters),
      supportsAtomicBatch: (chainId) => wallet().supportsAtomicBatch(chainId),
      sendCalls: (chainId, calls) => wallet().sendCalls(chainId, calls),
      callsStatus: (id) => wallet().callsStatus(id),
    },
    pageWallet: { list: listPageWallets, request: requestPageWallet },
  };
  return real;
}
