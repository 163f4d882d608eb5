import type { Worker } from 'playwright-core';
import type { ExtensionBrowser } from './harness/browser';

type VersionsEvent = { versions: { scriptURL: string; runningStatus: string; status: string }[] };

/**
 * Stops the extension's service worker as Chrome does when it has been idle (DevTools'
 * ServiceWorker.stopAllWorkers, sent from a page of the extension's own origin so it reaches
 * the extension's storage partition); resolves once Chrome reports it stopped. It waits for the
 * worker to be activated first: one stopped while installing is started again at once.
 */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const prefix = `chrome-extension://${browser.extensionId}/`;
  // The manifest, shown as text: a page of the extension that runs no script and wakes nothing.
  const page = await browser.context.newPage();
  try {
    await page.goto(`${prefix}manifest.json`);
    const cdp = await browser.context.newCDPSession(page);
    let status = { runningStatus: '', status: '' };
    let changed = () => {};
    cdp.on('ServiceWorker.workerVersionUpdated', (e: VersionsEvent) => {
      const ours = e.versions.find((v) => v.scriptURL.startsWith(prefix));
      if (ours) status = ours;
      changed();
    });
    const until = async (ok: () => boolean, what: string) => {
      const deadline = Date.now() + 15_000;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`service worker never ${what} (last: ${JSON.stringify(status)})`);
        await new Promise<void>((resolve) => {
          changed = resolve;
          setTimeout(resolve, 200);
        });
      }
    };
    await cdp.send('ServiceWorker.enable');
    await until(() => status.status === 'activated', 'activated');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(() => status.runningStatus === 'stopped', 'stopped');
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/** The extension's next service worker, once Chrome starts it again (for an event, or a page of ours). */
export function nextServiceWorker(browser: ExtensionBrowser, timeout = 15_000): Promise<Worker> {
  const id = browser.extensionId;
  return browser.context.waitForEvent('serviceworker', { predicate: (w) => new URL(w.url()).host === id, timeout });
}
