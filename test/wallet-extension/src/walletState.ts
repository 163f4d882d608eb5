import { getAddress, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import type { ApprovalMode, LogEntry, PendingRequest, TestWalletControl, WalletEvent } from './protocol';

/** Anvil account 1 (devnet holder 1). */
export const DEFAULT_PRIVATE_KEY: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

/** An EIP-1193 / JSON-RPC error with its code, as MetaMask answers them. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface Waiting {
  request: PendingRequest;
  resolve(): void;
  reject(error: RpcError): void;
}

type Subscriber = { origin: string; listener: (event: WalletEvent) => void };

/** Everything the wallet remembers: its key, chain, which origins it let in, what waits and what happened. */
export class WalletState {
  account: PrivateKeyAccount = privateKeyToAccount(DEFAULT_PRIVATE_KEY);
  chainId = 31337;
  mode: ApprovalMode = 'approve';
  available = true;
  /** EIP-5792 on or off (setBatching). */
  batching = false;
  /** wallet_sendCalls batches: id → the transaction that carries them. */
  readonly batches = new Map<string, { chainId: number; hash: Hex }>();
  readonly permitted = new Set<string>();
  readonly finished: LogEntry[] = [];
  readonly onUnavailable = new Set<() => void>();
  private readonly waiting = new Map<number, Waiting>();
  private readonly subscribers = new Set<Subscriber>();
  private nextId = 1;

  newRequest(origin: string, method: string, params: unknown[]): PendingRequest {
    return { id: this.nextId++, origin, method, params };
  }

  /** Resolves when the holder says yes; 4001 when they say no. What MetaMask's window does. */
  approval(request: PendingRequest): Promise<void> {
    if (this.mode === 'approve') return Promise.resolve();
    if (this.mode === 'reject') return Promise.reject(new RpcError(4001, 'User rejected the request.'));
    return new Promise((resolve, reject) => this.waiting.set(request.id, { request, resolve, reject }));
  }

  /** MetaMask answers -32002 while the same origin's connection request is still on screen. */
  hasWaiting(origin: string, method: string): boolean {
    return [...this.waiting.values()].some(({ request }) => request.origin === origin && request.method === method);
  }

  accountsFor(origin: string): string[] {
    return this.permitted.has(origin) ? [this.account.address] : [];
  }

  subscribe(origin: string, listener: (event: WalletEvent) => void): () => void {
    const subscriber = { origin, listener };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Tells one origin (or every origin) what changed. */
  notify(event: WalletEvent | ((origin: string) => WalletEvent), origin?: string): void {
    for (const subscriber of this.subscribers) {
      if (origin === undefined || subscriber.origin === origin) {
        subscriber.listener(typeof event === 'function' ? event(subscriber.origin) : event);
      }
    }
  }

  control(): TestWalletControl {
    const settle = (id: number, approve: boolean) => {
      const waiting = this.waiting.get(id);
      if (!waiting) return false;
      this.waiting.delete(id);
      if (approve) waiting.resolve();
      else waiting.reject(new RpcError(4001, 'User rejected the request.'));
      return true;
    };
    return {
      setAccount: (privateKey) => {
        this.account = privateKeyToAccount(privateKey);
        this.notify((origin) => ({ type: 'accountsChanged', accounts: this.accountsFor(origin) }));
        return getAddress(this.account.address);
      },
      setMode: (mode) => void (this.mode = mode),
      setBatching: (on) => void (this.batching = on),
      pending: () => [...this.waiting.values()].map(({ request }) => request),
      approve: (id) => settle(id, true),
      reject: (id) => settle(id, false),
      log: () => [...this.finished],
      setAvailable: (available) => {
        this.available = available;
        if (!available) this.onUnavailable.forEach((drop) => drop());
      },
      reset: () => {
        for (const id of this.waiting.keys()) settle(id, false);
        this.account = privateKeyToAccount(DEFAULT_PRIVATE_KEY);
        this.chainId = 31337;
        this.mode = 'approve';
        this.available = true;
        this.batching = false;
        this.batches.clear();
        this.permitted.clear();
        this.finished.length = 0;
        this.notify({ type: 'chainChanged', chainId: this.chainId });
        this.notify({ type: 'accountsChanged', accounts: [] });
      },
    };
  }
}
