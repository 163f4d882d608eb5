import type { Worker } from 'playwright-core';
import { FEATURES_SCRIPT } from '@/lib/app/background/backgroundFeatures';
import type { WalletTestHook } from '@/lib/wallet/exposeWalletToTests';

type InCompanion = { companionWallet?: WalletTestHook };
type Method = Exclude<keyof WalletTestHook, 'changes'>;
type Outcome<M extends Method> = Awaited<ReturnType<WalletTestHook[M]>>;

/**
 * Drives lib/wallet inside the companion's service worker (devnet builds expose it as
 * `globalThis.companionWallet`). lib/wallet is in the background's features script, which a
 * woken worker loads only when something needs it: a call loads it first, as a request would.
 * Outcomes come back as values: errors do not cross evaluate.
 */
export function companionWallet(worker: () => Worker) {
  const call = <M extends Method>(method: M, ...args: Parameters<WalletTestHook[M]>): Promise<Outcome<M>> =>
    worker().evaluate(
      ([name, params, features]) => {
        const scope = globalThis as unknown as InCompanion & { importScripts?: (url: string) => void };
        if (!scope.companionWallet) scope.importScripts?.(features);
        const hook = scope.companionWallet;
        if (!hook) throw new Error('No globalThis.companionWallet: is this a devnet build whose background imports lib/wallet?');
        return (hook[name] as (...a: unknown[]) => Promise<unknown>)(...params);
      },
      [method, args, FEATURES_SCRIPT] as [M, unknown[], string],
    ) as Promise<Outcome<M>>;
  return {
    call,
    changes: () => worker().evaluate(() => (globalThis as unknown as InCompanion).companionWallet?.changes ?? []),
  };
}
