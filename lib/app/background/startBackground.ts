import { browser } from 'wxt/browser';
import { backgroundDeps } from './backgroundDeps';
import { listenForPopupSessions } from '../../holdings/background/popupSession';
import { listenForMessages } from '../../messaging/background/router';
import { resumeTransactions } from '../../wallet/sendTrackedTransaction';
import { forgetTab } from '../../detect/background/tabStates';
import { resumeVotes } from '../../votes/background/submitSignedVote';
import { resumeWalletWatch } from '../../wallet/walletHandlers';

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
  void resumeVotes(backgroundDeps());
  void resumeTransactions(backgroundDeps());
  void resumeWalletWatch();
}
