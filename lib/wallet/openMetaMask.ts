import { createExternalExtensionProvider } from '@metamask/providers';
import { METAMASK_EXTENSION } from './metamaskId';
import type { Eip1193Provider } from './types';
import { WALLET_MESSAGES, WalletError } from './walletError';

const INIT_TIMEOUT_MS = 15_000;

/**
 * Connects to MetaMask over `chrome.runtime.connect` (its wire protocol: a port, a multiplexed
 * stream, JSON-RPC on the `metamask-provider` substream). Resolves once MetaMask has sent its
 * state. A missing or disabled MetaMask drops the port at once, which the provider reports as a
 * `disconnect` before it is initialised: that is `wallet-missing`, not a request that never ends.
 */
export async function openMetaMask(extension: string = METAMASK_EXTENSION, timeoutMs = INIT_TIMEOUT_MS): Promise<Eip1193Provider> {
  let provider: ReturnType<typeof createExternalExtensionProvider>;
  try {
    provider = createExternalExtensionProvider(extension);
  } catch (cause) {
    throw new WalletError('wallet-missing', WALLET_MESSAGES['wallet-missing'], { cause });
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => settle(new WalletError('unknown', WALLET_MESSAGES.timeout)), timeoutMs);
    // Any answer to the state request proves MetaMask is there (whether its network is up or not).
    const onInitialized = () => settle(null);
    const onDisconnect = (cause: unknown) => settle(new WalletError('wallet-missing', WALLET_MESSAGES['wallet-missing'], { cause }));
    function settle(error: WalletError | null) {
      clearTimeout(timer);
      provider.removeListener('_initialized', onInitialized);
      provider.removeListener('disconnect', onDisconnect);
      if (error) reject(error);
      else resolve();
    }
    // createExternalExtensionProvider has already asked for the state; it answers with `_initialized`.
    provider.on('_initialized', onInitialized);
    provider.on('disconnect', onDisconnect);
  });
  return provider;
}
