import { DEVNET_A } from '@/lib/chain/devnet';
import type { PageContext } from '@/lib/gates/background/pageContext';
import { formatTokenId } from '@/lib/protocol/caip19';
import { validateManifest } from '@/lib/protocol/validateManifest';
import { startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';

export const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);

export interface AlexSite {
  devnet: Devnet;
  demo: DemoServer;
  /** Alex's page as the background knows it after detection: confirmed, with his checked manifest. */
  page: PageContext;
  stop(): Promise<void>;
}

/**
 * The devnet on the given ports and the demo creator sites on free ports, with Alex's page
 * detected: the setting for flows that run in the creator's page (gates, offers).
 */
export async function startAlexSite(ports: { portA: number; portB: number }): Promise<AlexSite> {
  const devnet = await startDevnet(ports);
  const rpcUrls = { [devnet.chains[0].chainId]: devnet.chains[0].rpcUrl, [devnet.chains[1].chainId]: devnet.chains[1].rpcUrl };
  const demo = await startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0, rpcUrls });
  const stop = async () => {
    await demo.stop();
    await devnet.stop();
  };
  const checked = validateManifest(await (await fetch(`${demo.origins.alex}/personal-token.json`)).text());
  if (!checked.ok) {
    await stop();
    throw new Error('The demo manifest is invalid.');
  }
  const origin = demo.origins.alex;
  const page: PageContext = {
    tabId: 7,
    documentId: null,
    origin,
    state: {
      status: 'detected',
      origin,
      tokenId: ALEX,
      chainId: DEVNET_A.chainId,
      chainName: 'Devnet A',
      address: DEVNET_A.creatorToken,
      confirmation: 'confirmed',
      creatorName: 'Alex',
      creatorDescription: null,
      manifest: checked.manifest,
    },
  };
  return { devnet, demo, page, stop };
}
