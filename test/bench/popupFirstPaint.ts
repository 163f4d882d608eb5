import type { Page } from 'playwright-core';
import type { RpcProxy } from '../devnet/rpcProxy';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import type { DemoServer } from '../demo-server/server';
import { POPUP_VIEWPORT, type ExtensionBrowser } from '../e2e/harness/browser';
import { median, sleep } from './stats';

/** The popup's own mark (components/holdings/HomeView.tsx): holdings read from IndexedDB are on screen. */
const PAINT_MARK = 'holdings-first-paint';
/** Ours: the refresh the popup starts on opening has finished, so fresh chain data is in. */
const FRESH_MARK = 'bench-fresh-data';
export const SLOW_RPC_MS = 1_000;
const OPENS = 5;

export interface PopupPaint {
  /** Medians, ms from the popup's navigation start. */
  firstPaintMs: number;
  freshDataMs: number;
  /** Max over the opens of HTTP requests reaching the RPC proxies (preflights apart), all chains. */
  rpcRequestsPerOpen: number;
  samples: Sample[];
}

interface Sample {
  firstPaintMs: number;
  freshDataMs: number;
  rpcRequests: number;
  rpcPreflights: number;
}

export interface PopupFirstPaintResult {
  cached: PopupPaint;
  slowRpc: PopupPaint;
  followed: number;
  /** Did Playwright report the service worker's RPC requests? Says whether request counts elsewhere can rely on it. */
  playwrightSawServiceWorkerRequests: boolean;
}

// Runs in the popup before its own scripts. The Refresh button is disabled while a refresh is in
// flight; the moment it is enabled again after that, the refreshed data has been written.
function markWhenRefreshEnds(mark: string) {
  let sawRefreshing = false;
  const observer = new MutationObserver(() => {
    const button = document.querySelector<HTMLButtonElement>('button[aria-label="Refresh from the chain"]');
    if (!button) return;
    if (button.disabled) sawRefreshing = true;
    else if (sawRefreshing) {
      performance.mark(mark);
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Until the page's badge is set, whatever it says: the extension recognised the creator site. */
export async function waitForBadge(browser: ExtensionBrowser, tabId: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await browser.badgeText(tabId))) {
    if (Date.now() > deadline) throw new Error(`No badge on tab ${tabId}: the creator site was not detected`);
    await sleep(100);
  }
}

/** Drives the real UI once: watch holder 1, follow both demo creators, let the refresh land. */
async function seed(browser: ExtensionBrowser, demo: DemoServer): Promise<number> {
  let alexTab = 0;
  for (const [i, origin] of [demo.origins.alex, demo.origins.mike].entries()) {
    const site = await browser.context.newPage();
    await site.goto(`${origin}/`);
    const tabId = await browser.tabIdOf(site);
    if (i === 0) alexTab = tabId;
    await waitForBadge(browser, tabId);
    const popup = await browser.openPopup(tabId);
    const watch = popup.getByLabel('Address to watch');
    if (i === 0) {
      await watch.fill(DEVNET_HOLDERS.holder1.address);
      await popup.getByRole('button', { name: 'Watch', exact: true }).click();
      await watch.waitFor({ state: 'detached' });
    }
    // The site's own card (holder 1's wallet also lists Mike under "Found in your wallet").
    await popup
      .getByTestId('site-card')
      .getByRole('button', { name: /^Follow / })
      .click();
    // Followed, and read from the chain: every row shows a balance rather than "Not read yet".
    await popup.waitForFunction(
      (rows) => {
        const found = [...document.querySelectorAll('[data-testid=holding-row]')];
        return found.length === rows && found.every((row) => !row.textContent?.includes('Not read yet'));
      },
      i + 1,
      { timeout: 30_000 },
    );
    await popup.close();
  }
  return alexTab;
}

async function openMeasured(browser: ExtensionBrowser, tabId: number, proxies: RpcProxy[]): Promise<Sample> {
  const page: Page = await browser.context.newPage();
  try {
    for (const proxy of proxies) proxy.resetCount();
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.addInitScript(markWhenRefreshEnds, FRESH_MARK);
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const marks = await page.waitForFunction(
      ([paint, fresh]) => {
        const p = performance.getEntriesByName(paint)[0];
        const f = performance.getEntriesByName(fresh)[0];
        return p && f ? { firstPaintMs: p.startTime, freshDataMs: f.startTime } : null;
      },
      [PAINT_MARK, FRESH_MARK] as const,
      { timeout: 30_000, polling: 50 },
    );
    const value = await marks.jsonValue();
    if (!value) throw new Error('The popup marks vanished');
    const sum = (count: (p: RpcProxy) => number) => proxies.reduce((total, p) => total + count(p), 0);
    return { ...value, rpcRequests: sum((p) => p.requestCount()), rpcPreflights: sum((p) => p.preflightCount()) };
  } finally {
    await page.close();
  }
}

async function measure(browser: ExtensionBrowser, tabId: number, proxies: RpcProxy[]): Promise<PopupPaint> {
  await openMeasured(browser, tabId, proxies); // warm-up: service worker awake, popup code in cache
  const samples: Sample[] = [];
  for (let i = 0; i < OPENS; i++) samples.push(await openMeasured(browser, tabId, proxies));
  return {
    firstPaintMs: median(samples.map((s) => s.firstPaintMs)),
    freshDataMs: median(samples.map((s) => s.freshDataMs)),
    rpcRequestsPerOpen: Math.max(...samples.map((s) => s.rpcRequests)),
    samples,
  };
}

export async function measurePopupFirstPaint(opts: {
  browser: ExtensionBrowser;
  demo: DemoServer;
  proxies: RpcProxy[];
}): Promise<PopupFirstPaintResult> {
  const { browser, demo, proxies } = opts;
  let serviceWorkerRequests = 0;
  const count = (r: { serviceWorker(): unknown }) => void (r.serviceWorker() && serviceWorkerRequests++);
  browser.context.on('request', count);
  try {
    const tabId = await seed(browser, demo);
    const cached = await measure(browser, tabId, proxies);
    for (const proxy of proxies) proxy.setLatency(SLOW_RPC_MS);
    const slowRpc = await measure(browser, tabId, proxies);
    return { cached, slowRpc, followed: 2, playwrightSawServiceWorkerRequests: serviceWorkerRequests > 0 };
  } finally {
    for (const proxy of proxies) proxy.setLatency(0);
    browser.context.off('request', count);
  }
}
