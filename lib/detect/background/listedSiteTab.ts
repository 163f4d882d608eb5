import { chainById } from '@/lib/chain/knownChains';
import { listedEntryForUrl } from '@/lib/detect/core/listedSite';
import type { TokenList } from '@/lib/detect/core/confirmation';
import type { TabState } from '@/lib/detect/tabState';
import { formatTokenId } from '@/lib/protocol/caip19';
import { writeTabStateIfNone } from './tabStates';

/**
 * The tab's state when its URL is on a listed site, from the list alone: no request, nothing
 * asked of the page. Null for every other URL (the quiet pages), or a chain this build cannot read.
 */
export function listedSiteState(list: TokenList, url: string | undefined): Extract<TabState, { status: 'detected' }> | null {
  if (!url) return null;
  const entry = listedEntryForUrl(list, url);
  const chain = entry && chainById(entry.chainId);
  if (!entry || !chain) return null;
  return {
    status: 'detected',
    origin: new URL(url).origin,
    tokenId: formatTokenId(entry.chainId, entry.address),
    chainId: entry.chainId,
    chainName: chain.name,
    address: entry.address,
    confirmation: 'confirmed',
    creatorName: entry.name,
    creatorDescription: null,
    manifest: null,
    listedDomain: true,
  };
}

/** Lights the badge of a tab on a listed site unless its page already declared something. */
export function recogniseListedSite(tabId: number, url: string | undefined, list: TokenList): Promise<void> | undefined {
  const state = listedSiteState(list, url);
  return state ? writeTabStateIfNone(tabId, state) : undefined;
}
