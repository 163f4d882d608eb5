import { JsonRpcEngine, type JsonRpcMiddleware } from '@metamask/json-rpc-engine';
import { createEngineStream } from '@metamask/json-rpc-middleware-stream';
import ObjectMultiplex from '@metamask/object-multiplex';
import type { Json, JsonRpcParams } from '@metamask/utils';
import type { Duplex } from 'node:stream';
import { PortDuplexStream } from 'extension-port-stream';
import { browser, type Browser } from 'wxt/browser';
import { handleRequest } from './handleRequest';
import type { WalletEvent } from './protocol';
import { RpcError, type WalletState } from './walletState';

// MetaMask's side of createExternalExtensionProvider, built from the same packages MetaMask's
// background uses: the other extension's port becomes a stream, ObjectMultiplex splits it, and the
// `metamask-provider` substream carries JSON-RPC to an engine. Notifications go the other way:
// metamask_accountsChanged / metamask_chainChanged, which the provider turns into EIP-1193 events.

const PROVIDER_STREAM = 'metamask-provider';

export function serveOtherExtensions(wallet: WalletState): void {
  browser.runtime.onConnectExternal.addListener((port) => {
    const extensionId = port.sender?.id;
    if (!extensionId || !wallet.available) return port.disconnect();
    connect(wallet, port, `chrome-extension://${extensionId}`);
  });
}

function connect(wallet: WalletState, port: Browser.runtime.Port, origin: string): void {
  // readable-stream's types are not installed; its streams have Node's stream API.
  const portStream = new PortDuplexStream(port as never) as unknown as Duplex;
  const mux = new ObjectMultiplex() as unknown as Duplex & ObjectMultiplex;
  portStream.pipe(mux).pipe(portStream);
  const providerStream = mux.createStream(PROVIDER_STREAM) as unknown as Duplex;

  const engine = new JsonRpcEngine();
  const answer: JsonRpcMiddleware<JsonRpcParams, Json> = (req, res, _next, end) => {
    handleRequest(wallet, origin, req.method, req.params).then(
      (result) => {
        res.result = result as Json;
        end();
      },
      (error: RpcError) => {
        res.error = { code: error.code, message: error.message };
        end();
      },
    );
  };
  engine.push(answer);
  const engineStream = createEngineStream({ engine }) as unknown as Duplex;
  providerStream.pipe(engineStream).pipe(providerStream);

  const unsubscribe = wallet.subscribe(origin, (event) => engine.emit('notification', toNotification(event)));
  const drop = () => port.disconnect();
  wallet.onUnavailable.add(drop);
  port.onDisconnect.addListener(() => {
    unsubscribe();
    wallet.onUnavailable.delete(drop);
    engine.destroy();
  });
  // Pushed on connect too, as MetaMask does, so a provider that missed the state catches up.
  engine.emit('notification', toNotification({ type: 'chainChanged', chainId: wallet.chainId }));
}

function toNotification(event: WalletEvent) {
  if (event.type === 'accountsChanged') return { jsonrpc: '2.0', method: 'metamask_accountsChanged', params: event.accounts };
  return {
    jsonrpc: '2.0',
    method: 'metamask_chainChanged',
    params: { chainId: `0x${event.chainId.toString(16)}`, networkVersion: String(event.chainId), isConnected: true },
  };
}
