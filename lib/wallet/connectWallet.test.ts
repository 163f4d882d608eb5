import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWallet, type Wallet } from './createWallet';
import { fakeProvider, rpcError, type FakeProvider } from './testing/fakeProvider';
import type { WalletChange } from './types';
import { WALLET_MESSAGES, WalletError } from './walletError';

const HOLDER_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
let connected: boolean;
const flag = { get: async () => connected, set: async (value: boolean) => void (connected = value) };
let providers: FakeProvider[];
let opens: number;
let wallet: Wallet;

beforeEach(() => {
  fakeBrowser.reset();
  connected = false;
  providers = [];
  opens = 0;
  wallet = createWallet({
    open: async () => {
      opens += 1;
      const provider = fakeProvider();
      providers.push(provider);
      return provider;
    },
    flag,
  });
});

describe('connect, current, disconnect', () => {
  test('connect asks for accounts and the chain, checksums the account and remembers it', async () => {
    expect(await wallet.current()).toBeNull();
    expect(opens).toBe(0); // not connected: MetaMask is not even woken
    expect(await wallet.connect()).toEqual({ account: HOLDER_1, chainId: 31337 });
    expect(providers[0]?.calls.map((c) => c.method)).toEqual(['eth_requestAccounts', 'eth_chainId']);
    expect(connected).toBe(true);
    expect(await wallet.current()).toEqual({ account: HOLDER_1, chainId: 31337 });
  });

  test('disconnect forgets locally and revokes in the wallet, even if revoking fails', async () => {
    await wallet.connect();
    providers[0]?.handle('wallet_revokePermissions', () => rpcError(4200, 'Unsupported'));
    await wallet.disconnect();
    expect(connected).toBe(false);
    expect(providers[0]?.calls.at(-1)).toEqual({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] });
    expect(await wallet.current()).toBeNull();
  });

  test('an account revoked in the wallet reads as not connected', async () => {
    await wallet.connect();
    providers[0]?.handle('eth_accounts', () => []);
    expect(await wallet.current()).toBeNull();
    expect(connected).toBe(false);
  });

  test('a pending request elsewhere is wallet-busy; a cancel is cancelled', async () => {
    await wallet.current();
    await wallet.connect();
    providers[0]?.handle('eth_requestAccounts', () => rpcError(-32002, 'Already processing eth_requestAccounts. Please wait.'));
    await expect(wallet.connect()).rejects.toMatchObject({ kind: 'wallet-busy' });
    providers[0]?.handle('eth_requestAccounts', () => rpcError(4001, 'User rejected the request.'));
    await expect(wallet.connect()).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('the connection', () => {
  test('a missing wallet is wallet-missing, and the next attempt tries again', async () => {
    let missing = true;
    const provider = fakeProvider();
    wallet = createWallet({
      open: async () => {
        if (missing) throw new WalletError('wallet-missing', WALLET_MESSAGES['wallet-missing']);
        return provider;
      },
      flag,
    });
    await expect(wallet.connect()).rejects.toMatchObject({
      kind: 'wallet-missing',
      message: 'MetaMask is not installed or disabled. Install it, or use watch-only.',
    });
    missing = false;
    expect(await wallet.connect()).toEqual({ account: HOLDER_1, chainId: 31337 });
  });

  test('events become changes; a dropped port fails the request in flight and reconnects next time', async () => {
    const changes: WalletChange[] = [];
    wallet.onChange((change) => changes.push(change));
    await wallet.connect();
    const first = providers[0]!;
    first.emit('accountsChanged', ['0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc']);
    first.emit('chainChanged', '0x7a6a');
    first.emit('disconnect', { code: 1013 }); // recoverable: still the same connection
    first.handle('eth_chainId', () => new Promise(() => undefined)); // never answers
    const inFlight = wallet.switchChain(31338);
    await new Promise((resolve) => setTimeout(resolve, 0));
    first.emit('disconnect', { code: 1011, message: 'Premature close' });
    await expect(inFlight).rejects.toMatchObject({ kind: 'unknown', message: 'The connection to MetaMask was lost. Try again.' });
    expect(changes).toEqual([
      { type: 'account', account: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
      { type: 'chain', chainId: 31338 },
      { type: 'disconnect' },
    ]);
    await wallet.current();
    expect(opens).toBe(2);
  });
});
