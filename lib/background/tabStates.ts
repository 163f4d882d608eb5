import { browser } from 'wxt/browser';
import type { TabState } from '@/lib/messaging/tabState';

// Tab states live in storage.session: they survive the service worker stopping, and vanish
// with the browser session. Content scripts cannot read that area (trusted contexts only).
const key = (tabId: number) => `tab:${tabId}`;
// The document that declared (Chrome gives each document an id): signatures are asked of it only.
const documentKey = (tabId: number) => `tabdoc:${tabId}`;

export async function readTabState(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabState | undefined) ?? null;
}

export async function writeTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
  await showBadge(tabId, state);
}

/** Remembers which document of the tab declared; our page frames act for that document only. */
export async function writeTabDocument(tabId: number, documentId: string | null): Promise<void> {
  if (documentId) await browser.storage.session.set({ [documentKey(tabId)]: documentId });
  else await browser.storage.session.remove(documentKey(tabId));
}

export async function readTabDocument(tabId: number): Promise<string | null> {
  const stored = await browser.storage.session.get(documentKey(tabId));
  return (stored[documentKey(tabId)] as string | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([key(tabId), documentKey(tabId)]);
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
