import { DEVNET_A, DEVNET_B } from '@/lib/chain/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { startDevnet, type Devnet } from '../devnet/devnet';
import { startRpcProxy } from '../devnet/rpcProxy';
import { launchFirefox, type FirefoxExtension } from './firefox';

export interface FirefoxJourneys {
  devnet: Devnet;
  server: DemoServer;
  firefox: FirefoxExtension;
  stop(): Promise<void>;
}

/** The Chromium journeys' world (two anvil chains, the demo sites), with Firefox and its build. */
export async function startFirefoxJourneys(opts: { grantSites?: boolean; withTestWallet?: boolean } = {}): Promise<FirefoxJourneys> {
  const devnet = await startDevnet({ portA: 18545, portB: 18546 });
  const rpc = [
    await startRpcProxy({ target: devnet.chains[0].rpcUrl, port: DEVNET_A.port }),
    await startRpcProxy({ target: devnet.chains[1].rpcUrl, port: DEVNET_B.port }),
  ];
  const server = await startDemoServer({
    rpcUrls: { [DEVNET_A.chainId]: devnet.chains[0].rpcUrl, [DEVNET_B.chainId]: devnet.chains[1].rpcUrl },
  });
  const firefox = await launchFirefox({
    grantSites: opts.grantSites,
    withTestWallet: opts.withTestWallet,
    landing: `${server.origins.other}/plain`,
  });
  return {
    devnet,
    server,
    firefox,
    stop: async () => {
      await firefox.close();
      await server.stop();
      await Promise.all(rpc.map((proxy) => proxy.stop()));
      await devnet.stop();
    },
  };
}
