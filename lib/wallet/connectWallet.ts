import type { WalletState } from './types';
import { WalletError } from './walletError';
import { firstAccount, parseChainId, type WalletSession } from './walletSession';

/** Remembers that the holder connected, so opening the popup does not wake MetaMask otherwise. */
export interface ConnectedFlag {
  get(): Promise<boolean>;
  set(connected: boolean): Promise<void>;
}

/** Asks the wallet for an account (MetaMask prompts unless it already allowed us). */
export async function connectWallet(session: WalletSession, flag: ConnectedFlag): Promise<WalletState> {
  const account = firstAccount(await session.request('eth_requestAccounts'));
  if (!account) throw new WalletError('unknown', 'Your wallet did not share an account. Unlock it and try again.');
  const chainId = parseChainId(await session.request('eth_chainId'));
  await flag.set(true);
  return { account, chainId };
}

/** Forgets the wallet here, and asks it to forget us too where it can (EIP-2255 revoke). */
export async function disconnectWallet(session: WalletSession, flag: ConnectedFlag): Promise<void> {
  const wasConnected = await flag.get();
  await flag.set(false);
  if (!wasConnected) return;
  try {
    await session.request('wallet_revokePermissions', [{ eth_accounts: {} }]);
  } catch {
    // Older wallets lack the method, a missing one cannot answer: forgetting locally is enough.
  }
}

/** The connected account and chain, asked without a prompt; null when not connected. */
export async function currentWallet(session: WalletSession, flag: ConnectedFlag): Promise<WalletState | null> {
  if (!(await flag.get())) return null;
  const account = firstAccount(await session.request('eth_accounts'));
  if (!account) {
    await flag.set(false); // revoked or locked in the wallet itself
    return null;
  }
  return { account, chainId: parseChainId(await session.request('eth_chainId')) };
}
