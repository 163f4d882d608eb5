import { DEVNET_A, DEVNET_B } from '../../lib/chain/devnet';
import { startDevnet, type Devnet } from '../devnet/devnet';
import { startRpcProxy, type RpcProxy } from '../devnet/rpcProxy';
import type { Cleanup } from './cleanup';
import { freePort } from './ports';

// The devnet build of the extension reads chain A at 127.0.0.1:8545 and chain B at :8546. The
// bench puts counting, delaying RPC proxies on those ports and runs anvil behind them elsewhere.

const BUILD_PORTS = [DEVNET_A.port, DEVNET_B.port] as const;

export interface ReservedPorts {
  /** On 8545 and 8546, forwarding to `anvilPorts` (nothing listens there until `startBenchChains`). */
  proxies: [RpcProxy, RpcProxy];
  anvilPorts: [number, number];
}

export interface BenchChains {
  devnet: Devnet;
  proxies: [RpcProxy, RpcProxy];
}

/**
 * Binds 8545/8546 first thing: on a shared machine another run (`npm run demo`, an e2e test) may
 * take them during the minute of builds, and a bench failing after the builds wastes that minute.
 */
export async function reserveBuildPorts(cleanup: Cleanup): Promise<ReservedPorts> {
  const anvilPorts: number[] = [];
  while (anvilPorts.length < 2) {
    const port = await freePort();
    if (!anvilPorts.includes(port) && !(BUILD_PORTS as readonly number[]).includes(port)) anvilPorts.push(port);
  }
  const proxies: RpcProxy[] = [];
  for (const [i, port] of BUILD_PORTS.entries()) {
    try {
      const proxy = await startRpcProxy({ target: `http://127.0.0.1:${anvilPorts[i]}`, port });
      cleanup.add(`RPC proxy on ${port}`, () => proxy.stop());
      proxies.push(proxy);
    } catch (error) {
      throw new Error(
        `Port ${port} is in use (${(error as Error).message}). The bench needs 8545 and 8546 for RPC proxies, because the ` +
          'devnet build of the extension reads its chains there. Stop `npm run demo` / `npm run devnet` / the e2e tests and run again.',
      );
    }
  }
  return { proxies: [proxies[0]!, proxies[1]!], anvilPorts: [anvilPorts[0]!, anvilPorts[1]!] };
}

/** The devnet on the ports the proxies forward to. */
export async function startBenchChains(reserved: ReservedPorts, cleanup: Cleanup): Promise<BenchChains> {
  const [portA, portB] = reserved.anvilPorts;
  const devnet = await startDevnet({ portA, portB });
  cleanup.add('devnet (anvil)', () => devnet.stop());
  return { devnet, proxies: reserved.proxies };
}
