import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { POPUP_SESSION_PORT, sendRequest } from '@/lib/messaging/requests';
import { usePopupStore } from '../../app/ui/popupStore';
import { holderMessage } from '@/lib/errors/baseError';

async function activeTabId(): Promise<number | null> {
  // `?tab=<id>` lets the popup be opened as a page for a given tab (tests, keyboard users).
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * The background ends each chain's refresh within its own deadline; this only guards against a
 * background that never answers (stopped mid-refresh), so Refresh can always be pressed again.
 */
const REFRESH_UI_DEADLINE_MS = 20_000;

function withinUiDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The refresh took too long. Press Refresh to try again.')), REFRESH_UI_DEADLINE_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * On open: keep the session port (its closing marks holdings as looked at), learn the tab's
 * creator, then refresh from the chain. The cached data is already on screen meanwhile.
 */
export function usePopupSession(): { refresh: () => Promise<void> } {
  const { setTab, refreshStarted, refreshFinished, notify } = usePopupStore.getState();

  const refresh = async () => {
    const { tabState } = usePopupStore.getState();
    refreshStarted();
    try {
      const tokenIds = tabState?.status === 'detected' ? [tabState.tokenId] : [];
      refreshFinished(await withinUiDeadline(sendRequest('refresh', { tokenIds })));
    } catch (error) {
      refreshFinished(null);
      notify({ tone: 'error', text: holderMessage(error) });
    }
  };

  useEffect(() => {
    const port = browser.runtime.connect({ name: POPUP_SESSION_PORT });
    void (async () => {
      const tabId = await activeTabId();
      const state = tabId === null ? null : await sendRequest('tab-state', { tabId }).catch(() => null);
      setTab(tabId, state);
      await refresh();
    })();
    return () => port.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per popup opening
  }, []);

  return { refresh };
}
