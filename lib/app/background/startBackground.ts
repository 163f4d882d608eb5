import { browser } from 'wxt/browser';
import { afterWakeUp, requestAnswered } from './afterWakeUp';
import { backgroundFeatures, importBackgroundFeaturesOnInstall, type BackgroundFeatures } from './backgroundFeatures';
import { listedSitesItem, wakeChoresDoneItem } from './wakeState';
import { listenForPopupSessions } from '../../holdings/background/popupSession';
import { createRouter, GENERIC_FAILURE, listenForMessages, type Route } from '../../messaging/background/router';
import { forgetTab, forgetTabUnlessSameDocument, readDeclaringDocument, readTabStateFor } from '../../detect/background/tabStates';
import { tabStateOrListed, watchListedSites } from '../../detect/background/listedSiteTab';
import { tabStateRequest } from '../../detect/tabStateContract';
import { listenForActionClicks } from '../../alerts/background/actionClicks';

/** The requests this script answers itself: the popup's first one. Every other goes to the features. */
const wakeRequests = tabStateRequest;

/** The enabled lists' sites: storage.session's copy, or the features build it from IndexedDB. */
async function listedSites() {
  return (await listedSitesItem.getValue()) ?? (await backgroundFeatures()).listedSites();
}

/**
 * Composition root of the service worker's start script (background.js): every listener, and
 * what a start needs most often (tab states, the listed sites, the popup's first request), from
 * storage.session alone: no IndexedDB, no chain client. The rest of the background loads on first
 * need (backgroundFeatures.ts). Listeners are added at once (the event that woke the worker goes
 * only to those); the chores wait until that event's request is answered (afterWakeUp).
 */
export function startBackground(): void {
  importBackgroundFeaturesOnInstall();
  // Answers are checked against their schemas in every build but the release one.
  listenForMessages(
    createRouter({
      contracts: wakeRequests,
      handlers: { 'tab-state': ({ tabId }) => tabStateOrListed(listedSites, tabId) },
      readTabState: readTabStateFor,
      readDeclaringDocument,
      checkOutputs: import.meta.env.MODE !== 'production',
      otherwise: routeToFeatures,
    }),
    requestAnswered,
  );
  listenForPopupSessions(() => withFeatures((features) => features.popupClosed()));
  // Alerts: the periodic refresh and notification clicks; the toolbar button's target.
  browser.alarms.onAlarm.addListener((alarm) => withFeatures((features) => features.alarmFired(alarm.name)));
  browser.notifications.onClicked.addListener((id) => withFeatures((features) => features.notificationClicked(id)));
  listenForActionClicks();
  // A page that navigates away or closes takes its declaration with it; a single-page site's
  // pushState (reported as 'loading' too) keeps it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading' && change.status !== 'complete') return;
    void forgetTabUnlessSameDocument(tabId, change.status);
  });
  // A listed site is recognised from the tab's URL alone (the host permissions give us tab.url);
  // added after the forgetting above, so its state is written after the old one is gone.
  watchListedSites(listedSites);
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // Once a browser session, and after a vote or payment that a stop may have cut short.
  afterWakeUp(() => {
    void wakeChoresDoneItem.getValue().then((done) => {
      if (!done) withFeatures((features) => void features.runWakeChores());
    });
  });
}

const routeToFeatures: Route = async (message, sender) => {
  try {
    return await (await backgroundFeatures()).route(message, sender);
  } catch (error) {
    console.error('the background could not load its features', error);
    return { ok: false, error: GENERIC_FAILURE[sender.tab ? 'any-page' : 'popup'], code: 'router.internal' };
  }
};

function withFeatures(use: (features: BackgroundFeatures) => void): void {
  backgroundFeatures().then(use, (error: unknown) => console.error('the background could not load its features', error));
}
