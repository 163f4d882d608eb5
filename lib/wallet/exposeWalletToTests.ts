import type { Address, Hex } from 'viem';
import type { Wallet } from './createWallet';
import type { TypedDataToSign, WalletChange, WalletState } from './types';
import { WalletError, type WalletErrorKind } from './walletError';

/** What a test gets back through `serviceWorker.evaluate` (errors do not cross it, values do). */
export type WalletTestOutcome<T> = { ok: true; value: T } | { ok: false; kind: WalletErrorKind | 'crash'; message: string };

/** `globalThis.companionWallet` in devnet builds: the wallet API, driven by the e2e tests. */
export interface WalletTestHook {
  connect(): Promise<WalletTestOutcome<WalletState>>;
  disconnect(): Promise<WalletTestOutcome<void>>;
  current(): Promise<WalletTestOutcome<WalletState | null>>;
  signTypedData(account: Address, typedData: TypedDataToSign, allowedPrimaryTypes: string[]): Promise<WalletTestOutcome<Hex>>;
  switchChain(chainId: number): Promise<WalletTestOutcome<void>>;
  /** `value` in wei as a decimal string (bigints do not cross evaluate everywhere). */
  sendTransaction(tx: { chainId: number; to: Address; data?: Hex; value?: string }): Promise<WalletTestOutcome<Hex>>;
  /** Every change event since the hook was installed, oldest first. */
  changes: WalletChange[];
}

async function outcome<T>(run: Promise<T>): Promise<WalletTestOutcome<T>> {
  try {
    return { ok: true, value: await run };
  } catch (error) {
    if (error instanceof WalletError) return { ok: false, kind: error.kind, message: error.message };
    return { ok: false, kind: 'crash', message: String(error) };
  }
}

/**
 * Devnet builds only (lib/wallet/index.ts calls it there): puts the wallet API on the service
 * worker's global so the end-to-end tests can drive it with the test wallet. In other builds the
 * call is dropped at build time, so a release bundle holds no such hook.
 */
export function exposeWalletToTests(w: Wallet): void {
  const changes: WalletChange[] = [];
  w.onChange((change) => changes.push(change));
  const hook: WalletTestHook = {
    connect: () => outcome(w.connect()),
    disconnect: () => outcome(w.disconnect()),
    current: () => outcome(w.current()),
    signTypedData: (account, typedData, allowedPrimaryTypes) => outcome(w.signTypedData({ account, typedData, allowedPrimaryTypes })),
    switchChain: (chainId) => outcome(w.switchChain(chainId)),
    sendTransaction: ({ value, ...tx }) => outcome(w.sendTransaction({ ...tx, ...(value !== undefined && { value: BigInt(value) }) })),
    changes,
  };
  (globalThis as { companionWallet?: WalletTestHook }).companionWallet = hook;
}
