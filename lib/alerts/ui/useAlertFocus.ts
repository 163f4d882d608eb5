import { useEffect } from 'react';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { focusCreatorItem, FOCUS_FRESH_MS } from '../focus';

/**
 * A clicked notification opens the companion on its creator: `?creator=<tokenId>` when opened as
 * a window, else the focus the background left in storage.session just before opening the popup
 * (taken once, and only if fresh).
 */
export function useAlertFocus(): void {
  useEffect(() => {
    void (async () => {
      const fromQuery = new URLSearchParams(location.search).get('creator');
      if (fromQuery) return usePopupStore.getState().show({ name: 'creator', tokenId: fromQuery });
      const stored = await focusCreatorItem.getValue();
      if (!stored) return;
      await focusCreatorItem.removeValue();
      if (stored.tokenId && Date.now() - stored.at < FOCUS_FRESH_MS)
        usePopupStore.getState().show({ name: 'creator', tokenId: stored.tokenId });
    })();
  }, []);
}
