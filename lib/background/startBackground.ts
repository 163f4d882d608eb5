import { browser } from 'wxt/browser';
import { listenForPopupSessions } from './popupSession';
import { listenForMessages } from './router';
import { resumeTransactions } from './income/sendTrackedTransaction';
import { forgetTab } from './tabStates';
import { resumeVotes } from './votes/submitSignedVote';
import { resumeWalletWatch } from './walletHandlers';

/** Composition root of the service worker: wires listeners, holds no logic of its own. */
export function startBackground(): void {
  listenForMessages();
  listenForPopupSessions();
  // A page that navigates or closes takes its declaration with it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A worker that stopped mid-vote left work in IndexedDB: finish it.
  void resumeVotes();
  void resumeTransactions();
  void resumeWalletWatch();
}
