import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { ensureTestWalletBuilt } from '../../wallet-extension/build';
import { testWalletDriver, type TestWalletDriver } from '../../wallet-extension/driver';
import { TEST_WALLET_ID } from '../../wallet-extension/identity';

/** The extension API as seen inside the service worker (functions passed to evaluate run there). */
export type InWorker = { chrome: typeof Browser };

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npm run build:devnet` puts the extension (WXT: `{browser}-mv{n}-{mode}`). */
export const DEVNET_BUILD = join(REPO_ROOT, '.output', 'chrome-mv3-devnet');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
/** The browser action popup's size limit, which the popup is designed for. */
export const POPUP_VIEWPORT = { width: 360, height: 600 };

export interface LaunchOptions {
  extensionPath?: string;
  headless?: boolean;
  /** Profile directory; a fresh temporary one when omitted. */
  userDataDir?: string;
  /** Let Playwright close the browser on Ctrl-C (default). A caller with its own cleanup says false. */
  handleSignals?: boolean;
  /** Also load the test wallet (test/wallet-extension, built first when missing or stale). */
  withTestWallet?: boolean;
}

/** With `withTestWallet`: the wallet's service worker and typed helpers to drive it. */
export interface WithTestWallet {
  readonly testWallet: Worker;
  wallet: TestWalletDriver;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The build that was loaded (Chromium runs a copy of it, see snapshotExtension). */
  extensionPath: string;
  /** The extension's background service worker (the latest one, if Chromium restarted it). */
  readonly serviceWorker: Worker;
  /** Opens popup.html in a tab sized like the real popup; `forTabId` adds `?tab=<id>`. */
  openPopup(forTabId?: number): Promise<Page>;
  badgeText(tabId: number): Promise<string>;
  /** Chrome's tab id of a Playwright page. Brings the page to the front as a side effect. */
  tabIdOf(page: Page): Promise<number>;
  /** Saves `test-results/screenshots/<name>.png` and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export function assertBuilt(extensionPath: string): void {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionPath}: run \`npm run build:devnet\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\`.`);
  }
}

// Chromium reads extension files lazily, so a rebuild while the browser runs (another terminal,
// another test run) would pull files from under it. It loads a copy instead. With a profile
// directory the copy lives inside it, so the path and hence the extension id stay the same
// across launches of that profile (IndexedDB and storage are keyed by the id).
function snapshotExtension(source: string, userDataDir?: string, name = 'extension-under-test'): { path: string; cleanup(): void } {
  const path = userDataDir ? join(userDataDir, name) : join(mkdtempSync(join(tmpdir(), 'ptc-ext-')), 'extension');
  rmSync(path, { recursive: true, force: true });
  cpSync(source, path, { recursive: true });
  return { path, cleanup: () => (userDataDir ? undefined : rmSync(join(path, '..'), { recursive: true, force: true })) };
}

function chromiumArgs(extensionDirs: string[]): string[] {
  return [
    `--disable-extensions-except=${extensionDirs.join(',')}`,
    `--load-extension=${extensionDirs.join(',')}`,
    '--no-sandbox',
    // No traffic of the browser's own: request counts in tests measure the extension alone.
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ];
}

// Service workers by extension: the test wallet's id is fixed, ours is whatever Chromium gives it.
const isTestWallet = (worker: Worker) => new URL(worker.url()).host === TEST_WALLET_ID;
const isOurs = (worker: Worker) => !isTestWallet(worker);

async function workerOf(context: BrowserContext, match: (worker: Worker) => boolean): Promise<Worker> {
  return context.serviceWorkers().find(match) ?? (await context.waitForEvent('serviceworker', { predicate: match, timeout: 15_000 }));
}

export async function launchWithExtension(opts: LaunchOptions & { withTestWallet: true }): Promise<ExtensionBrowser & WithTestWallet>;
export async function launchWithExtension(opts?: LaunchOptions): Promise<ExtensionBrowser>;
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<ExtensionBrowser & Partial<WithTestWallet>> {
  // PTC_EXTENSION_PATH: run the same tests against another build (e.g. one made elsewhere).
  const extensionPath = opts.extensionPath ?? process.env.PTC_EXTENSION_PATH ?? DEVNET_BUILD;
  assertBuilt(extensionPath);
  if (opts.userDataDir) mkdirSync(opts.userDataDir, { recursive: true });
  const snapshot = snapshotExtension(extensionPath, opts.userDataDir);
  const wallet = opts.withTestWallet ? snapshotExtension(await ensureTestWalletBuilt(), opts.userDataDir, 'test-wallet') : undefined;
  const cleanup = () => [snapshot, wallet].forEach((s) => s?.cleanup());
  const headless = opts.headless ?? true;
  const handleSignals = opts.handleSignals ?? true;
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
      executablePath: CHROMIUM,
      headless,
      // Headless: a fixed page size, so screenshots match run to run. Headed: the real window's.
      viewport: headless ? { width: 1280, height: 800 } : null,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
      args: chromiumArgs(wallet ? [snapshot.path, wallet.path] : [snapshot.path]),
    });
  } catch (error) {
    cleanup();
    throw error;
  }
  context.once('close', cleanup);
  try {
    let worker = await workerOf(context, isOurs);
    let walletWorker = wallet ? await workerOf(context, isTestWallet) : undefined;
    context.on('serviceworker', (w) => (isOurs(w) ? (worker = w) : (walletWorker = w)));
    const extensionId = new URL(worker.url()).host;
    if (!/^[a-p]{32}$/.test(extensionId)) throw new Error(`Unexpected service worker ${worker.url()}`);
    const api = makeApi(context, extensionId, extensionPath, () => worker);
    if (!walletWorker) return api;
    const testWallet = () => walletWorker as Worker;
    return Object.defineProperties(api, {
      testWallet: { get: testWallet, enumerable: true },
      wallet: { value: testWalletDriver(testWallet), enumerable: true },
    }) as ExtensionBrowser & WithTestWallet;
  } catch (error) {
    await context.close();
    throw error;
  }
}

function makeApi(context: BrowserContext, extensionId: string, extensionPath: string, worker: () => Worker): ExtensionBrowser {
  // tabIdOf changes which tab is active; two at once would read each other's tab.
  let tabLock: Promise<unknown> = Promise.resolve();
  return {
    context,
    extensionId,
    extensionPath,
    get serviceWorker() {
      return worker();
    },
    async openPopup(forTabId) {
      const page = await context.newPage();
      await page.setViewportSize(POPUP_VIEWPORT);
      const query = forTabId === undefined ? '' : `?tab=${forTabId}`;
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    badgeText: (tabId) => worker().evaluate((id) => (globalThis as unknown as InWorker).chrome.action.getBadgeText({ tabId: id }), tabId),
    tabIdOf(page) {
      const run = tabLock.then(() => activeTabIdOf(context, worker(), page));
      tabLock = run.catch(() => undefined);
      return run;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: () => context.close(),
  };
}

// The extension has no "tabs" permission, so chrome.tabs hides URLs and titles and a page cannot
// be matched by them. Ids, windows and the active flag stay visible, and DevTools' window id is
// the same number as chrome.windows' id: bring the page to the front of its window, then ask
// the service worker which tab is active there. Works for any page, declaring a token or not.
async function activeTabIdOf(context: BrowserContext, worker: Worker, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    await page.bringToFront();
    const ids = await worker.evaluate(async (win) => {
      const tabs = await (globalThis as unknown as InWorker).chrome.tabs.query({ windowId: win, active: true });
      return tabs.map((t) => t.id);
    }, windowId);
    const [id] = ids;
    if (ids.length !== 1 || id === undefined) throw new Error(`No single active tab in window ${windowId}`);
    return id;
  } finally {
    await cdp.detach();
  }
}
