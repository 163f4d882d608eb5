import type { RefreshOutcome } from '@/lib/holdings/contract';
import type { BackgroundDeps } from '../../app/background/backgroundDeps';
import { discoverHoldings } from './discoverHoldings';
import { refreshHoldings } from './refreshHoldings';

/**
 * A popup refresh: first the listed tokens the holder owns (one call per chain per chunk of
 * balances), then followed, tab and found tokens read together, one multicall per chain (balance,
 * metadata, price). Requests per refresh: chains + chunks.
 */
export async function refreshWithDiscovery(deps: Pick<BackgroundDeps, 'db' | 'clientFor'>, tokenIds: string[]): Promise<RefreshOutcome> {
  const discovery = await discoverHoldings(deps);
  return refreshHoldings(deps, [...new Set([...tokenIds, ...discovery.held])]);
}
