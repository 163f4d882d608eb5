import type { TokenList } from '@/lib/detect/core/tokenListSchema';
import type { Route } from '@/lib/messaging/background/router';

// The service worker runs in two scripts. background.js (startBackground) is what every start
// evaluates: the listeners, the tab states and the popup's first request. Everything else (viem,
// MetaMask, the tally, the claims scanner, every other request) is background-features.js,
// loaded the first time something needs it: a worker woken by a tab event or by the popup's first
// request never pays for it.

/** What the whole background offers the start script (entrypoints/background-features.ts provides it). */
export interface BackgroundFeatures {
  /** Every request of the app's contracts. */
  route: Route;
  /** An alarm fired (the alerts' periodic refresh). */
  alarmFired(name: string): void;
  /** A notification was clicked: open the companion on its creator. */
  notificationClicked(id: string): void;
  /** The popup closed: what it showed becomes what the holder last looked at. */
  popupClosed(): void;
  /** The enabled lists' sites, built from IndexedDB when storage.session has no copy. */
  listedSites(): Promise<TokenList>;
  /**
   * The chores of a start (the alarm, the badge, tabs opened meanwhile; votes, transactions and
   * redemptions a stopped worker left mid-way): once a browser session, and again after such work.
   */
  runWakeChores(): Promise<void>;
}

/** The features script's path in the extension (Chrome imports it into the worker, Firefox adds it to the background page). */
export const FEATURES_SCRIPT = '/background-features.js';

// A property of the worker's own global: no page, content script or other extension reaches it.
const PROVIDED = Symbol.for('personal-token-companion.background-features');

type WithFeatures = typeof globalThis & { [PROVIDED]?: BackgroundFeatures };

/** Called by the features script when it runs. */
export function provideBackgroundFeatures(features: BackgroundFeatures): void {
  (globalThis as WithFeatures)[PROVIDED] = features;
}

function provided(): BackgroundFeatures | undefined {
  return (globalThis as WithFeatures)[PROVIDED];
}

/** True once the features script has run in this worker (tests and the bench look). */
export function backgroundFeaturesLoaded(): boolean {
  return provided() !== undefined;
}

/**
 * Chrome only lets a service worker import a script while it is being installed; one imported
 * then is kept with the worker and can be imported again at any later start (Service Worker spec,
 * "importScripts() is allowed to be called only on the initial script evaluation or the install
 * event": w3c/ServiceWorker#1356). So the start script imports the features once on install
 * (this also runs them then), and on a later start only when something needs them.
 */
export function importBackgroundFeaturesOnInstall(): void {
  const worker = serviceWorkerScope();
  worker?.addEventListener('install', () => worker.importScripts(FEATURES_SCRIPT));
}

let loading: Promise<BackgroundFeatures> | null = null;

/** The whole background, loaded on the first call. */
export function backgroundFeatures(): Promise<BackgroundFeatures> {
  loading ??= load().catch((error: unknown) => {
    loading = null; // the next request tries again
    throw error;
  });
  return loading;
}

async function load(): Promise<BackgroundFeatures> {
  const worker = serviceWorkerScope();
  if (!provided()) {
    if (worker) worker.importScripts(FEATURES_SCRIPT);
    else await addScriptToPage(FEATURES_SCRIPT); // Firefox's background page
  }
  const features = provided();
  if (!features) throw new Error(`${FEATURES_SCRIPT} ran but provided no features`);
  return features;
}

interface ServiceWorkerScope {
  importScripts(...urls: string[]): void;
  addEventListener(type: 'install', listener: () => void): void;
}

function serviceWorkerScope(): ServiceWorkerScope | null {
  const scope: unknown = globalThis;
  const isWorker = typeof (scope as { importScripts?: unknown }).importScripts === 'function' && typeof document === 'undefined';
  return isWorker ? (scope as ServiceWorkerScope) : null;
}

function addScriptToPage(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} could not be loaded`));
    (document.head ?? document.documentElement).append(script);
  });
}
