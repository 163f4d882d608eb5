import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-server/server';
import { launchWithExtension, POPUP_VIEWPORT, type ExtensionBrowser, type InWorker } from './browser';

// Checks the harness itself: Chromium starts with the built extension, the service worker is
// reachable, pages and the popup open, and a page that declares nothing costs one request.
// Run `npm run build:devnet` first; launchWithExtension fails with that advice otherwise.

let browser: ExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  // Free ports, so the smoke test never collides with a running `npm run demo`.
  server = await startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the service worker of the devnet build is running', async () => {
  expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  expect(browser.serviceWorker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
  const name = await browser.serviceWorker.evaluate(() => (globalThis as unknown as InWorker).chrome.runtime.getManifest().name);
  expect(name).toContain('(devnet)');
});

test('a plain page loads with a single request, no badge, and can be screenshotted', async () => {
  server.resetRequests();
  const page = await browser.context.newPage();
  await page.goto(`${server.origins.other}/plain`);
  await expect.poll(() => page.title()).toContain('Field Notes');
  const tabId = await browser.tabIdOf(page);
  expect(tabId).toBeGreaterThan(0);
  expect(await browser.badgeText(tabId)).toBe('');
  expect(existsSync(await browser.screenshot(page, 'harness-plain'))).toBe(true);
  // The data: icon means no favicon request; anything beyond the page itself would be ours.
  expect(server.requests()).toEqual([{ method: 'GET', path: '/plain', origin: server.origins.other }]);
});

test('tabIdOf tells two tabs apart', async () => {
  const [a, b] = [await browser.context.newPage(), await browser.context.newPage()];
  await a.goto(`${server.origins.alex}/`);
  await b.goto(`${server.origins.mike}/`);
  const [idA, idB] = [await browser.tabIdOf(a), await browser.tabIdOf(b)];
  expect(idA).not.toBe(idB);
  expect(await browser.tabIdOf(a)).toBe(idA);
  // Independent check: closing page a removes tab idA and leaves idB.
  await a.close();
  const exists = (id: number) =>
    browser.serviceWorker.evaluate(
      (tabId) =>
        (globalThis as unknown as InWorker).chrome.tabs.get(tabId).then(
          () => true,
          () => false,
        ),
      id,
    );
  await expect.poll(() => exists(idA)).toBe(false);
  expect(await exists(idB)).toBe(true);
});

test('the popup opens at popup size for a given tab', async () => {
  const popup = await browser.openPopup(123);
  expect(popup.url()).toBe(`chrome-extension://${browser.extensionId}/popup.html?tab=123`);
  expect(popup.viewportSize()).toEqual(POPUP_VIEWPORT);
  await popup.waitForLoadState('load');
  expect(existsSync(await browser.screenshot(popup, 'harness-popup'))).toBe(true);
});

test('a profile directory keeps its extension id across launches', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'ptc-profile-'));
  try {
    const first = await launchWithExtension({ userDataDir: profile });
    await first.close();
    const second = await launchWithExtension({ userDataDir: profile });
    await second.close();
    expect(second.extensionId).toBe(first.extensionId);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
