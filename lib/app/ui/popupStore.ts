import { create } from 'zustand';
import type { RefreshOutcome } from '@/lib/holdings/contract';
import type { TabState } from '@/lib/detect/tabState';

// UI state only: what is on screen and what is in flight. Data lives in IndexedDB and is read
// with live queries, never copied here.
type View =
  | { name: 'home' }
  | { name: 'settings' }
  | { name: 'creator'; tokenId: string }
  /** Claim everything on `chainId` (the summary), or one claim-all record's outcome; null both: the history only. */
  | { name: 'claim-all'; chainId: number | null; transactionId: string | null };

interface PopupState {
  view: View;
  tabId: number | null;
  /** undefined while asking the background; null when the tab declares nothing. */
  tabState: TabState | null | undefined;
  refreshing: boolean;
  lastRefresh: RefreshOutcome | null;
  notice: { tone: 'error' | 'info'; text: string } | null;
  show(view: View): void;
  setTab(tabId: number | null, tabState: TabState | null): void;
  refreshStarted(): void;
  refreshFinished(outcome: RefreshOutcome | null): void;
  notify(notice: PopupState['notice']): void;
}

export const usePopupStore = create<PopupState>((set) => ({
  view: { name: 'home' },
  tabId: null,
  tabState: undefined,
  refreshing: false,
  lastRefresh: null,
  notice: null,
  show: (view) => set({ view }),
  setTab: (tabId, tabState) => set({ tabId, tabState }),
  refreshStarted: () => set({ refreshing: true }),
  refreshFinished: (lastRefresh) => set((s) => ({ refreshing: false, lastRefresh: lastRefresh ?? s.lastRefresh })),
  notify: (notice) => set({ notice }),
}));
