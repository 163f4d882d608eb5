import type { Worker } from 'playwright-core';
import type { WalletTestHook } from '@/lib/wallet/exposeWalletToTests';

type InCompanion = { companionWallet?: WalletTestHook };
type Method = Exclude<keyof WalletTestHook, 'changes'>;
type Outcome<M extends Method> = Awaited<ReturnType<WalletTestHook[M]>>;

/**
 * Drives lib/wallet inside the companion's service worker (devnet builds expose it as
 * `globalThis.companionWallet`). Outcomes come back as values: errors do not cross evaluate.
 */
export function companionWallet(worker: () => Worker) {
  const call = <M extends Method>(method: M, ...args: Parameters<WalletTestHook[M]>): Promise<Outcome<M>> =>
    worker().evaluate(
      ([name, params]) => {
        const hook = (globalThis as unknown as InCompanion).companionWallet;
        if (!hook) throw new Error('No globalThis.companionWallet: is this a devnet build whose background imports lib/wallet?');
        return (hook[name] as (...a: unknown[]) => Promise<unknown>)(...params);
      },
      [method, args] as [M, unknown[]],
    ) as Promise<Outcome<M>>;
  return {
    call,
    changes: () => worker().evaluate(() => (globalThis as unknown as InCompanion).companionWallet?.changes ?? []),
  };
}
