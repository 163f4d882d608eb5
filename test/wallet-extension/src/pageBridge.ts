import { browser, type Browser } from 'wxt/browser';
import { handleRequest } from './handleRequest';
import { PAGE_PORT } from './protocol';
import type { RpcError, WalletState } from './walletState';

// Requests from pages, relayed by the wallet's own content script. The origin is the one Chromium
// reports for the frame (port.sender.origin), never what the page says, so the log shows which
// site asked for a personal_sign or a typed-data signature.

export function servePages(wallet: WalletState): void {
  browser.runtime.onConnect.addListener((port) => {
    const origin = port.sender?.origin ?? (port.sender?.url ? new URL(port.sender.url).origin : undefined);
    if (port.name !== PAGE_PORT || port.sender?.id !== browser.runtime.id || !origin || origin === 'null') return port.disconnect();
    connect(wallet, port, origin);
  });
}

function connect(wallet: WalletState, port: Browser.runtime.Port, origin: string): void {
  let open = true;
  const post = (message: object) => open && port.postMessage(message);
  const unsubscribe = wallet.subscribe(origin, (event) =>
    post(
      event.type === 'accountsChanged'
        ? { event: 'accountsChanged', data: event.accounts }
        : { event: 'chainChanged', data: `0x${event.chainId.toString(16)}` },
    ),
  );
  port.onDisconnect.addListener(() => {
    open = false;
    unsubscribe();
  });
  port.onMessage.addListener((message: { id?: unknown; method?: unknown; params?: unknown }) => {
    const { id, method, params } = message ?? {};
    if (typeof id !== 'number' || typeof method !== 'string') return;
    handleRequest(wallet, origin, method, params).then(
      (result) => post({ id, result }),
      (error: RpcError) => post({ id, error: { code: error.code, message: error.message } }),
    );
  });
}
