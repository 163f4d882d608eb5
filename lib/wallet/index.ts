import { storage } from 'wxt/utils/storage';
import type { ConnectedFlag } from './connectWallet';
import { createWallet, type Wallet } from './createWallet';
import { exposeWalletToTests } from './exposeWalletToTests';
import { openMetaMask } from './openMetaMask';
import type { SendTransactionParameters, SignTypedDataParameters, WalletChangeListener } from './types';

// The wallet API for the background service worker. MetaMask is held here, not in the popup, so a
// request outlives the popup that MetaMask's window closes. Everything throws only WalletError.

export type { Wallet } from './createWallet';
export type * from './types';
export { RPC_ERROR_CODES, WalletError, toWalletError, type WalletErrorKind } from './walletError';

/** Whether the holder connected the companion to MetaMask (and did not disconnect since). */
const connectedItem = storage.defineItem<boolean>('local:wallet.connected', { fallback: false });

const storedFlag: ConnectedFlag = {
  get: async () => (await connectedItem.getValue()) === true,
  set: (connected) => connectedItem.setValue(connected),
};

let metaMask: Wallet | undefined;
/** The MetaMask wallet, created on first use: a service worker that never needs it never connects. */
export function wallet(): Wallet {
  metaMask ??= createWallet({ open: () => openMetaMask(), flag: storedFlag });
  return metaMask;
}

/** eth_requestAccounts + eth_chainId: MetaMask prompts unless it already allowed the companion. */
export const connectWallet = () => wallet().connect();
/** Forgets the wallet here; asks MetaMask to revoke our permission where it supports it. */
export const disconnectWallet = () => wallet().disconnect();
/** The connected account and chain without a prompt; null when not connected. */
export const currentWallet = () => wallet().current();
export const onWalletChange = (listener: WalletChangeListener) => wallet().onChange(listener);
/** EIP-712 v4 signature, only for the allowed primary types; checked to recover to the account. */
export const signTypedData = (parameters: SignTypedDataParameters) => wallet().signTypedData(parameters);
export const switchChain = (chainId: number) => wallet().switchChain(chainId);
/** eth_sendTransaction after switching to `chainId`; never approvals or permits. Returns the hash. */
export const sendTransaction = (parameters: SendTransactionParameters) => wallet().sendTransaction(parameters);

// Devnet builds, in the service worker only (not when WXT reads the entrypoints in Node at build
// time): the e2e tests drive the wallet through `globalThis.companionWallet`. A build-time constant,
// so release bundles contain neither the hook nor this call.
if (import.meta.env.MODE === 'devnet' && 'ServiceWorkerGlobalScope' in globalThis) {
  exposeWalletToTests(wallet());
}
