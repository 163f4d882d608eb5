import 'fake-indexeddb/auto';
import { register } from 'node:module';
import type { Address } from 'viem';
import { DEVNET_A } from '../../lib/chain/devnet';
import { formatTokenId } from '../../lib/protocol/caip19';
import { validateManifest } from '../../lib/protocol/validateManifest';
import { startDemoServer } from '../demo-server/server';
import { deployExtraCreatorTokens, DEVNET_HOLDERS, type Devnet } from '../devnet/devnet';
import { startRpcProxy } from '../devnet/rpcProxy';
import type { Cleanup } from './cleanup';
import { FOLLOWED_TOKENS } from './rpcRefresh';

export interface AlertRefreshBenchResult {
  creators: number;
  /** HTTP requests to the chain's RPC in one background alert refresh (claims files already cached). */
  requestsPerChain: number;
  /** JSON-RPC calls inside them. */
  calls: number;
  /** Requests to vote hubs (one per hub) and creators' sites in the same refresh. */
  hubRequests: number;
  otherHttpRequests: number;
  /** The first refresh, which also downloads the claims files. */
  firstRun: { requestsPerChain: number; httpRequests: number };
}

/** The background alert refresh with 50 followed creators on one chain (Alex with his full manifest: rounds, rewards, votes). */
export async function measureAlertRefresh(devnet: Devnet, cleanup: Cleanup): Promise<AlertRefreshBenchResult> {
  // The refresh knows the devnet chains only in the devnet build's mode (see devnetModeHooks.mjs).
  register('./devnetModeHooks.mjs', import.meta.url);
  const [{ clientFor }, { CompanionDatabase }, { follow }, { writeSetting }, { runAlertRefresh }] = await Promise.all([
    import('../../lib/chain/chainClients'),
    import('../../lib/db/database'),
    import('../../lib/holdings/followsRepository'),
    import('../../lib/settings/settingsRepository'),
    import('../../lib/alerts/background/alertRefresh'),
  ]);
  const chainA = devnet.chains[0];
  const holder = DEVNET_HOLDERS.holder1.address;
  const extra = await deployExtraCreatorTokens(chainA, FOLLOWED_TOKENS - 1, holder);
  const demo = await startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0, rpcUrls: { [DEVNET_A.chainId]: chainA.rpcUrl } });
  cleanup.add('demo server for the alert figures', () => demo.stop());
  const proxy = await startRpcProxy({ target: chainA.rpcUrl });
  cleanup.add('RPC proxy for the alert figures', () => proxy.stop());
  const parsed = validateManifest(await (await fetch(`${demo.origins.alex}/personal-token.json`)).text());
  if (!parsed.ok) throw new Error('Alex’s demo manifest did not validate.');

  const db = new CompanionDatabase(`bench-alerts-${Date.now()}`);
  cleanup.add('bench alert database', () => db.delete());
  await writeSetting(db, 'watchAddress', holder);
  await writeSetting(db, 'rpcUrls', { [DEVNET_A.chainId]: [proxy.url] });
  const tokens: Address[] = [DEVNET_A.creatorToken, ...extra.map((e) => e.token)];
  for (const [i, address] of tokens.entries()) {
    await follow(db, {
      tokenId: formatTokenId(DEVNET_A.chainId, address),
      chainId: DEVNET_A.chainId,
      address,
      symbol: null,
      name: null,
      creatorName: i === 0 ? 'Alex Masmej' : `Creator ${i}`,
      siteOrigin: null,
      confirmation: 'declared',
      manifest: i === 0 ? parsed.manifest : null,
      followedAt: 1,
    });
  }
  // Every HTTP request the refresh makes besides the RPC's (hubs, claims files), counted at fetch.
  const urls: string[] = [];
  const realFetch = globalThis.fetch;
  const counted: typeof fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(proxy.url)) urls.push(url);
    return realFetch(input, init);
  };
  const surface = { show: async () => undefined, setCount: async () => undefined };
  const run = async () => {
    proxy.resetCount();
    urls.length = 0;
    globalThis.fetch = counted;
    try {
      const result = await runAlertRefresh({ db, clientFor, surface, fetch: counted });
      if (result.problems.length > 0) throw new Error(`The alert refresh had problems: ${result.problems.join(' ')}`);
    } finally {
      globalThis.fetch = realFetch;
    }
    return { requests: proxy.requestCount(), calls: proxy.callCount(), urls: [...urls] };
  };
  const first = await run();
  const steady = await run();
  const hub = steady.urls.filter((u) => u.endsWith('/graphql')).length;
  return {
    creators: tokens.length,
    requestsPerChain: steady.requests,
    calls: steady.calls,
    hubRequests: hub,
    otherHttpRequests: steady.urls.length - hub,
    firstRun: { requestsPerChain: first.requests, httpRequests: first.urls.length },
  };
}
