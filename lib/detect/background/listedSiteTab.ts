import { browser } from 'wxt/browser';
import { chainById } from '@/lib/chain/knownChains';
import { listedEntryForUrl } from '@/lib/detect/core/listedSite';
import type { TokenList } from '@/lib/detect/core/confirmation';
import type { TabState } from '@/lib/detect/tabState';
import { formatTokenId } from '@/lib/protocol/caip19';
import { readTabState, writeTabStateIfNone } from './tabStates';

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

/**
 * Lights the badge of a tab on a listed site unless its page already declared something.
 * `url` is what the event said; the tab's URL is read again in turn, so a tab that has moved on
 * since is not marked with a site it left.
 */
export function recogniseListedSite(tabId: number, url: string | undefined, list: TokenList): Promise<void> | undefined {
  if (!listedSiteState(list, url)) return undefined; // a quiet page: nothing more is done
  return writeTabStateIfNone(tabId, async () => {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return listedSiteState(list, tab?.url);
  });
}

/** Only events that can change which site a tab shows. */
function changesSite(change: { status?: string; url?: string }): boolean {
  return change.url !== undefined || change.status === 'loading' || change.status === 'complete';
}

/** Where the listed sites come from (a storage.session copy of the enabled lists' sites, in the worker). */
export type ListedSites = () => Promise<TokenList>;

/** Marks a tab on a listed site; the list is read only for http(s) tabs. */
async function recognise(listed: ListedSites, tabId: number, url: string | undefined): Promise<void> {
  if (!url?.startsWith('http')) return; // new tabs, browser pages: never listed, nothing read
  await recogniseListedSite(tabId, url, await listed());
}

/**
 * Listed sites are recognised from the tab's URL, whenever the service worker learns of one: when
 * a tab loads or its URL changes (a single-page site's pushState: the state is re-applied at
 * once), and when a tab is brought to the front; at start, recogniseOpenTabs. Nothing is asked of
 * the page: no request, no script in it. Listeners are added synchronously, as a waking service
 * worker requires; the list is read on the first http(s) tab only.
 */
export function watchListedSites(listed: ListedSites): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (changesSite(change)) void recognise(listed, tabId, tab.url).catch(logFailure);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs
      .get(tabId)
      .then((tab) => recognise(listed, tabId, tab.url))
      .catch(logFailure);
  });
}

/** At start: tabs opened while the worker was not running, or before an update. */
export async function recogniseOpenTabs(listed: ListedSites): Promise<void> {
  await browser.tabs
    .query({})
    .then((tabs) => Promise.all(tabs.map((tab) => tab.id !== undefined && recognise(listed, tab.id, tab.url))))
    .catch(logFailure);
}

/**
 * The tab's state for the popup: what is stored, or else what the list says of its URL now
 * (an event the service worker missed must not leave the popup blank on a listed site).
 */
export async function tabStateOrListed(listed: ListedSites, tabId: number): Promise<TabState | null> {
  const stored = await readTabState(tabId);
  if (stored) return stored;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url?.startsWith('http')) return null;
  await recogniseListedSite(tabId, tab.url, await listed());
  return readTabState(tabId);
}

function logFailure(error: unknown): void {
  // The tab may be gone, or the list unreadable: the next event tries again.
  console.warn('Listed site check failed', error);
}
