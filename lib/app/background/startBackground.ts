import { browser } from 'wxt/browser';
import { afterWakeUp, requestAnswered } from './afterWakeUp';
import { backgroundDeps } from './backgroundDeps';
import { database } from '../../db/database';
import { listenForPopupSessions } from '../../holdings/background/popupSession';
import { createRouter, listenForMessages } from '../../messaging/background/router';
import { appRequests } from '../contract';
import { requestHandlers } from './requestHandlers';
import { resumeTransactions } from '../../wallet/sendTrackedTransaction';
import { forgetTab, forgetTabUnlessSameDocument, readDeclaringDocument, readTabStateFor } from '../../detect/background/tabStates';
import { recogniseOpenTabs, watchListedSites } from '../../detect/background/listedSiteTab';
import { resumeVotes } from '../../votes/background/submitSignedVote';
import { resumeRedemptions } from '../../offers/background/redeemOffer';
import { resumeWalletWatch } from '../../wallet/walletHandlers';
import { listenForAlerts, startAlerts } from '../../alerts/background/startAlerts';
import { listenForActionClicks } from '../../alerts/background/openIn';

/**
 * Composition root of the service worker: wires listeners, holds no logic of its own. Listeners are
 * added at once (the event that woke the worker goes only to those); the chores wait until that
 * event's request is answered (afterWakeUp), and nothing opens the database before something needs it.
 */
export function startBackground(): void {
  // Answers are checked against their schemas in every build but the release one.
  listenForMessages(
    createRouter({
      contracts: appRequests,
      handlers: requestHandlers,
      readTabState: readTabStateFor,
      readDeclaringDocument,
      checkOutputs: import.meta.env.MODE !== 'production',
    }),
    requestAnswered,
  );
  listenForPopupSessions();
  // Alerts: the periodic refresh and notification clicks; the toolbar button's target.
  listenForAlerts();
  listenForActionClicks();
  // A page that navigates away or closes takes its declaration with it; a single-page site's
  // pushState (reported as 'loading' too) keeps it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading' && change.status !== 'complete') return;
    void forgetTabUnlessSameDocument(tabId, change.status);
  });
  // A listed site is recognised from the tab's URL alone (the host permissions give us tab.url);
  // added after the forgetting above, so its state is written after the old one is gone.
  watchListedSites(database);
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  afterWakeUp(() => {
    // The alarm, the badge count and the button's target, as the settings say.
    startAlerts();
    void recogniseOpenTabs(database);
    // A worker that stopped mid-vote left work in IndexedDB: finish it.
    void resumeVotes(backgroundDeps());
    void resumeTransactions(backgroundDeps());
    // A redemption interrupted mid-way goes on from its saved step (its payment is reconciled above).
    void resumeRedemptions(backgroundDeps());
    void resumeWalletWatch();
  });
}
