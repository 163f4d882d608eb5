import type { Address } from 'viem';
import { DEVNET_A, DEVNET_B, DEVNET_C } from '../../lib/chain/devnet';
import { deployBaseStandIn } from './baseStandIn';
import { startAnvil } from './anvil';
import { deployDevnetChain } from './deployChain';
import { deployDevnetIncome } from './deployIncome';
import { deployDevnetEns } from './deployEns';

export { ANVIL_ACCOUNTS } from './accounts';
export { deployExtraCreatorTokens } from './extraCreatorTokens';
export * from './plan';
export * from './incomePlan';
export { DEVNET_C_COINS, DEVNET_C_HOLDER, DEVNET_C_HOLDINGS, DEVNET_C_POOLS } from './baseStandIn';

export interface DevnetChain {
  chainId: number;
  rpcUrl: string;
  port: number;
  deployment: typeof DEVNET_A | typeof DEVNET_B;
  pairs: { creatorWeth: Address; wethUsdc: Address };
}

export interface Devnet {
  chains: [DevnetChain, DevnetChain];
  /** Chain C, the Base stand-in with Uniswap V3 and V4 (baseStandIn.ts). */
  baseStandIn: { chainId: number; rpcUrl: string; port: number };
  stop(): Promise<void>;
}

/**
 * Starts both anvils and deploys everything `plan.ts` describes. Resolves once every hard-coded
 * address is checked. Both anvils are killed by `stop()` and when the process exits.
 * Note: the extension's devnet build expects the default ports (8545/8546).
 */
export async function startDevnet(opts: { portA?: number; portB?: number; portC?: number; silent?: boolean } = {}): Promise<Devnet> {
  const { portA = DEVNET_A.port, portB = DEVNET_B.port, portC = DEVNET_C.port, silent = true } = opts;
  if (new Set([portA, portB, portC]).size !== 3)
    throw new Error(`The devnet chains need three different ports, got ${portA}, ${portB}, ${portC}`);
  const plans = [
    { deployment: DEVNET_A, port: portA },
    { deployment: DEVNET_B, port: portB },
  ] as const;
  const started = await Promise.allSettled([
    ...plans.map(({ deployment, port }) => startAnvil({ port, chainId: deployment.chainId, silent })),
    startAnvil({ port: portC, chainId: DEVNET_C.chainId, silent }),
  ]);
  const anvils = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = async () => {
    await Promise.all(anvils.map((a) => a.stop()));
  };
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  try {
    const anvilC = anvils[2]!;
    const [chains] = await Promise.all([
      Promise.all(
        plans.map(async ({ deployment }, i): Promise<DevnetChain> => {
          const anvil = anvils[i]!;
          const pairs = await deployDevnetChain(anvil.rpcUrl, deployment);
          // Chain A only: Alex's income rounds, staking and liquidity-mining program (incomePlan.ts).
          if (deployment.chainId === DEVNET_A.chainId) await deployDevnetIncome(anvil.rpcUrl, pairs.creatorWeth);
          // Chain A also carries the devnet's ENS (deployEns.ts): the extension reads names there.
          if (deployment.chainId === DEVNET_A.chainId) await deployDevnetEns(anvil.rpcUrl);
          return { chainId: deployment.chainId, rpcUrl: anvil.rpcUrl, port: anvil.port, deployment, pairs };
        }),
      ),
      deployBaseStandIn(anvilC.rpcUrl),
    ]);
    return { chains: [chains[0]!, chains[1]!], baseStandIn: { chainId: DEVNET_C.chainId, rpcUrl: anvilC.rpcUrl, port: anvilC.port }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
