import type { Address } from 'viem';
import { DEVNET_A, DEVNET_B } from '../../lib/chain/devnet';
import { startAnvil } from './anvil';
import { deployDevnetChain } from './deployChain';
import { deployDevnetIncome } from './deployIncome';
import { deployDevnetEns } from './deployEns';

export { ANVIL_ACCOUNTS } from './accounts';
export { deployExtraCreatorTokens } from './extraCreatorTokens';
export * from './plan';
export * from './incomePlan';

export interface DevnetChain {
  chainId: number;
  rpcUrl: string;
  port: number;
  deployment: typeof DEVNET_A | typeof DEVNET_B;
  pairs: { creatorWeth: Address; wethUsdc: Address };
}

export interface Devnet {
  chains: [DevnetChain, DevnetChain];
  stop(): Promise<void>;
}

/**
 * Starts both anvils and deploys everything `plan.ts` describes. Resolves once every hard-coded
 * address is checked. Both anvils are killed by `stop()` and when the process exits.
 * Note: the extension's devnet build expects the default ports (8545/8546).
 */
export async function startDevnet(opts: { portA?: number; portB?: number; silent?: boolean } = {}): Promise<Devnet> {
  const { portA = DEVNET_A.port, portB = DEVNET_B.port, silent = true } = opts;
  if (portA === portB) throw new Error(`Both devnet chains cannot use port ${portA}`);
  const plans = [
    { deployment: DEVNET_A, port: portA },
    { deployment: DEVNET_B, port: portB },
  ] as const;
  const started = await Promise.allSettled(
    plans.map(({ deployment, port }) => startAnvil({ port, chainId: deployment.chainId, silent })),
  );
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
    const chains = await Promise.all(
      plans.map(async ({ deployment }, i): Promise<DevnetChain> => {
        const anvil = anvils[i]!;
        const pairs = await deployDevnetChain(anvil.rpcUrl, deployment);
        // Chain A only: Alex's income rounds, staking and liquidity-mining program (incomePlan.ts).
        if (deployment.chainId === DEVNET_A.chainId) await deployDevnetIncome(anvil.rpcUrl, pairs.creatorWeth);
        // Chain A also carries the devnet's ENS (deployEns.ts): the extension reads names there.
        if (deployment.chainId === DEVNET_A.chainId) await deployDevnetEns(anvil.rpcUrl);
        return { chainId: deployment.chainId, rpcUrl: anvil.rpcUrl, port: anvil.port, deployment, pairs };
      }),
    );
    return { chains: [chains[0]!, chains[1]!], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
