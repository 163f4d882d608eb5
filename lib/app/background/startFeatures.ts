import { database } from '@/lib/db/database';
import { markLooked } from '@/lib/holdings/holdingsRepository';
import { createRouter } from '@/lib/messaging/background/router';
import { holdingsAccount, readSettings } from '@/lib/settings/settingsRepository';
import { startAlerts } from '../../alerts/background/alertAlarm';
import { alarmFired, notificationClicked } from '../../alerts/background/startAlerts';
import { recogniseOpenTabs } from '../../detect/background/listedSiteTab';
import { listedSitesFrom } from '../../detect/background/listedSites';
import { readDeclaringDocument, readTabStateFor } from '../../detect/background/tabStates';
import { resumeRedemptions } from '../../offers/background/redeemOffer';
import { resumeVotes } from '../../votes/background/submitSignedVote';
import { resumeTransactions } from '../../wallet/sendTrackedTransaction';
import { resumeWalletWatch } from '../../wallet/walletHandlers';
import { appRequests } from '../contract';
import type { BackgroundFeatures } from './backgroundFeatures';
import { backgroundDeps } from './backgroundDeps';
import { requestHandlers } from './requestHandlers';
import { hasUnfinishedWork } from './unfinishedWork';
import { wakeChoresDoneItem } from './wakeState';
import { watchWrites } from './watchWrites';

/**
 * Composition root of the whole background (background-features.js): every request's handler
 * and what the start script's listeners hand on. It runs when the start script first needs it.
 */
export function startFeatures(): BackgroundFeatures {
  const startedAt = Date.now();
  watchWrites();
  // The wallet's account changes are followed while this worker lives (a popup or page asked for
  // something, so the wallet may matter); a worker that only answered tab events never connects.
  void resumeWalletWatch();
  const listedSites = () => listedSitesFrom(database());
  return {
    // Answers are checked against their schemas in every build but the release one.
    route: createRouter({
      contracts: appRequests,
      handlers: requestHandlers,
      readTabState: readTabStateFor,
      readDeclaringDocument,
      checkOutputs: import.meta.env.MODE !== 'production',
    }),
    alarmFired,
    notificationClicked,
    popupClosed: () =>
      void (async () => {
        const account = holdingsAccount(await readSettings(database()));
        if (account) await markLooked(database(), account);
      })(),
    listedSites,
    runWakeChores: async () => {
      // Done first: a vote or payment written from now on sets it back (watchWrites).
      await wakeChoresDoneItem.setValue(true);
      // The alarm, the badge count and the button's target, as the settings say.
      startAlerts();
      void recogniseOpenTabs(listedSites);
      // A worker that stopped mid-vote left work in IndexedDB: finish it.
      void resumeVotes(backgroundDeps());
      void resumeTransactions(backgroundDeps());
      // A redemption interrupted mid-way goes on from its saved step (its payment is reconciled above).
      void resumeRedemptions(backgroundDeps());
      if (await hasUnfinishedWork(database(), startedAt)) await wakeChoresDoneItem.setValue(false);
    },
  };
}
