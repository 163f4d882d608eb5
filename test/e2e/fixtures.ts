import { startDemoServer, type DemoServer } from '../demo-server/server';
import { startDevnet, type Devnet } from '../devnet/devnet';
import { startRpcProxy } from '../devnet/rpcProxy';
import { DEVNET_A, DEVNET_B, DEVNET_C } from '@/lib/chain/devnet';
import { launchWithExtension, type ExtensionBrowser, type WithTestWallet } from './harness/browser';

export type RpcProxy = Awaited<ReturnType<typeof startRpcProxy>>;

export interface Journeys {
  devnet: Devnet;
  /** In front of each chain, on the ports the devnet build reads (8545, 8546): counts and delays. */
  rpc: [RpcProxy, RpcProxy, RpcProxy];
  server: DemoServer;
  browser: ExtensionBrowser;
  rpcRequests(): number;
  stop(): Promise<void>;
}

/** Journeys with the test wallet loaded beside the extension (MetaMask's protocol, an anvil key). */
export interface WalletJourneys extends Journeys {
  browser: ExtensionBrowser & WithTestWallet;
}

/**
 * Everything a journey needs, real: two anvil chains with the Uniswap contracts, the demo
 * creator sites on their fixed origins, and Chromium with the devnet build of the extension.
 */
export async function startJourneys(opts: { withTestWallet: true }): Promise<WalletJourneys>;
export async function startJourneys(opts?: { withTestWallet?: boolean }): Promise<Journeys>;
export async function startJourneys(opts: { withTestWallet?: boolean } = {}): Promise<Journeys> {
  const devnet = await startDevnet({ portA: 18545, portB: 18546, portC: 18547 });
  const rpc: [RpcProxy, RpcProxy, RpcProxy] = [
    await startRpcProxy({ target: devnet.chains[0].rpcUrl, port: DEVNET_A.port }),
    await startRpcProxy({ target: devnet.chains[1].rpcUrl, port: DEVNET_B.port }),
    await startRpcProxy({ target: devnet.baseStandIn.rpcUrl, port: DEVNET_C.port }),
  ];
  // The demo server's own balance checks (gates) go straight to anvil: the proxies count only the extension's reads.
  const server = await startDemoServer({
    rpcUrls: { [DEVNET_A.chainId]: devnet.chains[0].rpcUrl, [DEVNET_B.chainId]: devnet.chains[1].rpcUrl },
  });
  const browser = await launchWithExtension({ withTestWallet: opts.withTestWallet ?? false });
  return {
    devnet,
    rpc,
    server,
    browser,
    rpcRequests: () => rpc[0].requestCount() + rpc[1].requestCount() + rpc[2].requestCount(),
    stop: async () => {
      await browser.close();
      await server.stop();
      await Promise.all(rpc.map((proxy) => proxy.stop()));
      await devnet.stop();
    },
  };
}
