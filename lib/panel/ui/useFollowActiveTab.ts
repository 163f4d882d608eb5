import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { sendRequest } from '@/lib/messaging/requests';

/**
 * The side panel stays open while the holder moves between tabs: it follows the active tab of its
 * window (switching, navigating, the page's declaration arriving) and shows that tab's creator,
 * or the home view on a page that declares none.
 */
export function useFollowActiveTab(enabled: boolean, onCreator: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    let windowId: number | undefined;
    let ownTabId: number | undefined; // when the panel page is opened as a tab (tests, Firefox "open in tab")
    let current: number | null = null;
    const { setTab, show } = usePopupStore.getState();

    const follow = async (tabId: number) => {
      if (tabId === ownTabId) return;
      current = tabId;
      const state = await sendRequest('tab-state', { tabId }).catch(() => null);
      if (current !== tabId) return; // another switch came first
      const before = usePopupStore.getState().tabState;
      setTab(tabId, state);
      if (state?.status === 'detected') {
        if (before?.status !== 'detected' || before.tokenId !== state.tokenId) {
          show({ name: 'creator', tokenId: state.tokenId });
          onCreator();
        }
      } else if (usePopupStore.getState().view.name === 'creator') show({ name: 'home' });
    };

    const activated = ({ tabId, windowId: w }: { tabId: number; windowId: number }) => {
      if (w === windowId) void follow(tabId);
    };
    const updated = (tabId: number, change: { status?: string }) => {
      if (tabId === current && change.status === 'complete') void follow(tabId);
    };
    // The detect background writes each tab's state to storage.session (`tab:<id>`) once known.
    const stored = (changes: Record<string, unknown>) => {
      if (current !== null && `tab:${current}` in changes) void follow(current);
    };

    void (async () => {
      windowId = (await browser.windows.getCurrent()).id;
      ownTabId = (await browser.tabs.getCurrent())?.id;
      const [active] = await browser.tabs.query({ active: true, windowId });
      if (active?.id !== undefined) await follow(active.id);
    })();
    browser.tabs.onActivated.addListener(activated);
    browser.tabs.onUpdated.addListener(updated);
    browser.storage.session.onChanged.addListener(stored);
    return () => {
      browser.tabs.onActivated.removeListener(activated);
      browser.tabs.onUpdated.removeListener(updated);
      browser.storage.session.onChanged.removeListener(stored);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per panel
  }, []);
}
