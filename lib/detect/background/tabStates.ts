import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { TabState } from '@/lib/detect/tabState';
import { workerWideQueue } from '../../app/background/keyedQueue';

// Tab states live in storage.session: they survive the service worker stopping, and vanish
// with the browser session. Content scripts cannot read that area (trusted contexts only).
// Each state remembers the document that declared it (Chrome's documentId): a single-page
// site's pushState keeps the document, and so the declaration; a real navigation does not.
interface StoredTab {
  state: TabState;
  documentId: string | null;
}
const tabItem = (tabId: number) => storage.defineItem<StoredTab>(`session:tab:${tabId}`);

async function readStored(tabId: number): Promise<StoredTab | null> {
  const stored = await tabItem(tabId).getValue();
  return stored?.state ? stored : null;
}

export async function readTabState(tabId: number): Promise<TabState | null> {
  return (await readStored(tabId))?.state ?? null;
}

/** Which document of the tab declared (Chrome), for requests from our page frame in that tab. */
export async function readDeclaringDocument(tabId: number): Promise<string | null> {
  return (await readStored(tabId))?.documentId ?? null;
}

/** The state, if it was declared by `documentId` (or the browser names no documents). */
export async function readTabStateFor(tabId: number, documentId: string | null): Promise<TabState | null> {
  const stored = await readStored(tabId);
  if (!stored) return null;
  return stored.documentId && documentId && stored.documentId !== documentId ? null : stored.state;
}

/** Writes and forgets of one tab in order: a check of an old document never undoes a newer declaration. */
const inOrder = workerWideQueue<number>('tab-states');

export function writeTabState(tabId: number, state: TabState, documentId: string | null = null): Promise<void> {
  return inOrder(tabId, async () => {
    await tabItem(tabId).setValue({ state, documentId });
    await showBadge(tabId, state);
  });
}

/**
 * Recognised from the tab's URL (a listed site): written only when nothing is stored for the tab,
 * so a page's own declaration, which may arrive first, always wins. `stateNow` is asked in turn,
 * after the tab's earlier writes and forgets (null: nothing to write any more).
 */
export function writeTabStateIfNone(tabId: number, stateNow: () => Promise<TabState | null>): Promise<void> {
  return inOrder(tabId, async () => {
    const stored = await readStored(tabId);
    if (stored) {
      // Chrome clears a tab's badge when the navigation commits, after 'loading': show it again.
      if (stored.state.status === 'detected' && stored.state.listedDomain) await showBadge(tabId, stored.state);
      return;
    }
    const state = await stateNow();
    if (!state) return;
    await tabItem(tabId).setValue({ state, documentId: null });
    await showBadge(tabId, state);
  });
}

/** Adds what a later check found (ENS) to the state, if the same document still declares the same token. */
export function updateTabState(
  tabId: number,
  documentId: string | null,
  tokenId: string,
  update: (state: Extract<TabState, { status: 'detected' }>) => TabState,
): Promise<void> {
  return inOrder(tabId, async () => {
    const stored = await readStored(tabId);
    if (stored?.state.status !== 'detected' || stored.state.tokenId !== tokenId || stored.documentId !== documentId) return;
    const state = update(stored.state);
    await tabItem(tabId).setValue({ state, documentId });
    await showBadge(tabId, state);
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return inOrder(tabId, () => forgetNow(tabId));
}

/** The page withdrew its declaration (a single-page site moved to a page without one). */
export function forgetTabDocument(tabId: number, documentId: string | null): Promise<void> {
  return inOrder(tabId, async () => {
    const stored = await readStored(tabId);
    if (stored && (!stored.documentId || !documentId || stored.documentId === documentId)) await forgetNow(tabId);
  });
}

/**
 * The tab is loading or has loaded: forget its declaration unless the declaring document is
 * still the one shown, as after a pushState or a hash change. Checked again at 'complete', when a
 * real navigation has surely replaced the document. Browsers without documentIds forget at
 * 'loading', as before.
 */
export function forgetTabUnlessSameDocument(tabId: number, status: 'loading' | 'complete'): Promise<void> {
  return inOrder(tabId, async () => {
    const stored = await readStored(tabId);
    if (!stored) return;
    if (!stored.documentId) {
      if (status === 'loading') await forgetNow(tabId);
      return;
    }
    if (await documentShown(tabId, stored.documentId)) {
      await showBadge(tabId, stored.state); // in case the browser reset it with the URL
      return;
    }
    await forgetNow(tabId);
  });
}

async function documentShown(tabId: number, documentId: string): Promise<boolean> {
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId, documentIds: [documentId] },
      func: () => true,
      injectImmediately: true,
    });
    return frame?.result === true;
  } catch {
    return false; // no such document any more (navigated, closed, discarded)
  }
}

/** The state of an open tab that declared `tokenId`, if any (the first found). */
export async function detectedTabOf(tokenId: string): Promise<Extract<TabState, { status: 'detected' }> | null> {
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const state = await readTabState(tab.id);
    if (state?.status === 'detected' && state.tokenId === tokenId) return state;
  }
  return null;
}

async function forgetNow(tabId: number): Promise<void> {
  await tabItem(tabId).removeValue();
  // No text: the tab's own mark is removed and the global badge (the alert count) shows again.
  await browser.action.setBadgeText({ tabId }).catch(() => {
    // The tab may already be gone.
  });
}

async function showBadge(tabId: number, state: TabState): Promise<void> {
  const badge =
    state.status === 'invalid'
      ? { text: '!', color: '#b42318', title: `This page's personal-token declaration has a problem` }
      : state.confirmation === 'confirmed'
        ? {
            text: '✓',
            color: '#067647',
            title: `${state.creatorName ?? 'A creator'}'s token — confirmed${state.ens?.status === 'confirmed' ? ` by ${state.ens.name}` : ''}`,
          }
        : { text: '•', color: '#b54708', title: `${state.creatorName ?? 'A creator'}'s token — declared by the site, not confirmed` };
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]).catch(() => {
    // The tab may already be gone.
  });
}
