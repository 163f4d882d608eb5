import { getAddress, isAddress } from 'viem';
import { browser } from 'wxt/browser';
import type { Eip1193Provider, WalletChangeListener } from './types';
import { RPC_ERROR_CODES, WALLET_MESSAGES, WalletError, toWalletError } from './walletError';

/** One live connection to the wallet, opened on first use and reopened after it drops. */
export interface WalletSession {
  request(method: string, params?: readonly unknown[]): Promise<unknown>;
  onChange(listener: WalletChangeListener): () => void;
}

interface Connection {
  provider: Eip1193Provider;
  /** Rejects when this connection drops, so a request in flight fails instead of hanging. */
  lost: Promise<never>;
}

// A prompt can stay open for minutes; Chrome stops an idle service worker after 30 s, which would
// drop the port and lose the answer. An extension API call resets that timer (Chrome 110+).
const KEEP_AWAKE_EVERY_MS = 20_000;
const KEEP_AWAKE_AT_MOST_MS = 10 * 60_000;

export function createWalletSession(open: () => Promise<Eip1193Provider>): WalletSession {
  let connection: Promise<Connection> | null = null;
  const listeners = new Set<WalletChangeListener>();
  const emit: WalletChangeListener = (change) => listeners.forEach((listener) => listener(change));

  function connect(): Promise<Connection> {
    connection ??= open().then(watch, (error: unknown) => {
      connection = null; // not installed now does not mean not installed on the next click
      throw toWalletError(error);
    });
    return connection;
  }

  function watch(provider: Eip1193Provider): Connection {
    let drop: (error: WalletError) => void = () => undefined;
    const lost = new Promise<never>((_, reject) => (drop = reject));
    lost.catch(() => undefined); // nobody may be waiting on it
    provider.on('accountsChanged', (accounts: unknown) => emit({ type: 'account', account: firstAccount(accounts) }));
    provider.on('chainChanged', (chainId: unknown) => emit({ type: 'chain', chainId: Number(chainId) }));
    provider.on('disconnect', (error: unknown) => {
      const { rpcCode } = toWalletError(error);
      if (rpcCode === RPC_ERROR_CODES.rpcUnavailable) return; // MetaMask lost its RPC for a moment; the port is fine
      connection = null;
      drop(new WalletError('unknown', WALLET_MESSAGES.lost, { rpcCode, cause: error }));
      emit({ type: 'disconnect' });
    });
    return { provider, lost };
  }

  return {
    async request(method, params) {
      const { provider, lost } = await connect();
      try {
        return await keepAwakeWhile(Promise.race([provider.request(params ? { method, params } : { method }), lost]));
      } catch (error) {
        throw toWalletError(error);
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let awake = 0;
let awakeTimer: ReturnType<typeof setInterval> | undefined;

async function keepAwakeWhile<T>(pending: Promise<T>): Promise<T> {
  if (awake++ === 0) awakeTimer = setInterval(() => void browser.runtime.getPlatformInfo?.().catch(() => undefined), KEEP_AWAKE_EVERY_MS);
  let release = () => {
    release = () => undefined;
    if (--awake === 0) clearInterval(awakeTimer);
  };
  const cap = setTimeout(() => release(), KEEP_AWAKE_AT_MOST_MS);
  try {
    return await pending;
  } finally {
    clearTimeout(cap);
    release();
  }
}

/** The wallet's first (selected) account, checksummed; null for none or a malformed answer. */
export function firstAccount(accounts: unknown): `0x${string}` | null {
  const list: unknown[] = Array.isArray(accounts) ? accounts : [];
  const [first] = list;
  return typeof first === 'string' && isAddress(first, { strict: false }) ? getAddress(first) : null;
}

/** eth_chainId answers a hex string; anything else is a broken wallet. */
export function parseChainId(value: unknown): number {
  const chainId = typeof value === 'string' && /^0x[0-9a-f]+$/i.test(value) ? Number.parseInt(value, 16) : NaN;
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new WalletError('unknown', 'Your wallet reported an invalid chain id.');
  return chainId;
}
