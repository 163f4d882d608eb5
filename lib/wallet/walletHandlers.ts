import type { RequestHandlers } from '@/lib/messaging/contract';
import type { walletRequests } from './contract';
import { connectWallet, currentWallet, disconnectWallet, onWalletChange } from '@/lib/wallet';
import { database } from '@/lib/db/database';
import { readSettings, updateSetting, writeSetting } from '@/lib/settings/settingsRepository';

let watching = false;

/** Keeps the stored wallet (account, chain) in step with what the wallet reports. */
export function watchWalletChanges(): void {
  if (watching) return;
  watching = true;
  onWalletChange((change) => {
    void (async () => {
      const db = database();
      if (change.type === 'disconnect' || (change.type === 'account' && change.account === null)) {
        await writeSetting(db, 'wallet', null);
      } else if (change.type === 'account' && change.account) {
        const account = change.account;
        await updateSetting(db, 'wallet', (wallet) => ({ account, chainId: wallet?.chainId ?? 0 }));
      } else if (change.type === 'chain') {
        await updateSetting(db, 'wallet', (wallet) => wallet && { ...wallet, chainId: change.chainId });
      }
    })();
  });
}

export async function connect(): Promise<{ account: string; chainId: number }> {
  const state = await connectWallet();
  await writeSetting(database(), 'wallet', { account: state.account, chainId: state.chainId });
  watchWalletChanges();
  return state;
}

export async function disconnect(): Promise<null> {
  await disconnectWallet();
  await writeSetting(database(), 'wallet', null);
  return null;
}

/**
 * After a service-worker restart: re-sync with the wallet (it may have switched account or
 * revoked us meanwhile) and listen again. Never prompts; never wakes MetaMask if we were not connected.
 */
export async function resumeWalletWatch(): Promise<void> {
  if (!(await readSettings(database())).wallet) return;
  const state = await currentWallet().catch(() => null);
  await writeSetting(database(), 'wallet', state && { account: state.account, chainId: state.chainId });
  if (state) watchWalletChanges();
}

export const walletRequestHandlers: RequestHandlers<typeof walletRequests> = {
  'wallet-connect': () => connect(),
  'wallet-disconnect': () => disconnect(),
};
