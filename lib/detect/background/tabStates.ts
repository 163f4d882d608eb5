import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { TabState } from '@/lib/detect/tabState';

// Tab states live in storage.session: they survive the service worker stopping, and vanish
// with the browser session. Content scripts cannot read that area (trusted contexts only).
const tabStateItem = (tabId: number) => storage.defineItem<TabState>(`session:tab:${tabId}`);

export function readTabState(tabId: number): Promise<TabState | null> {
  return tabStateItem(tabId).getValue();
}

export async function writeTabState(tabId: number, state: TabState): Promise<void> {
  await tabStateItem(tabId).setValue(state);
  await showBadge(tabId, state);
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

export async function forgetTab(tabId: number): Promise<void> {
  await tabStateItem(tabId).removeValue();
  await browser.action.setBadgeText({ tabId, text: '' }).catch(() => {
    // The tab may already be gone.
  });
}

async function showBadge(tabId: number, state: TabState): Promise<void> {
  const badge =
    state.status === 'invalid'
      ? { text: '!', color: '#b42318', title: `This page's personal-token declaration has a problem` }
      : state.confirmation === 'confirmed'
        ? { text: '✓', color: '#067647', title: `${state.creatorName ?? 'A creator'}'s token — confirmed` }
        : { text: '•', color: '#b54708', title: `${state.creatorName ?? 'A creator'}'s token — declared by the site, not confirmed` };
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]);
}
