import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REQUEST_CHANNEL } from '@/lib/messaging/envelope';
import { startJourneys, type Journeys } from './fixtures';
import { DEVNET_BUILD, type InWorker } from './harness/browser';
import { openSite, waitForBadge } from './popup';
import { stopServiceWorker } from './serviceWorker';

// The service worker runs in two scripts (lib/app/background/backgroundFeatures.ts): a woken worker
// answers the popup's first request and the tab events from background.js alone, and imports
// background-features.js (installed with the worker) when a request needs it.
let j: Journeys;
let asker: Page;

beforeAll(async () => {
  j = await startJourneys();
  // An extension page that runs no script of ours: it only sends requests, as the popup does.
  asker = await j.browser.context.newPage();
  await asker.goto(`chrome-extension://${j.browser.extensionId}/manifest.json`);
});
afterAll(() => j?.stop());

const ask = (type: string, payload: unknown) =>
  asker.evaluate(
    ({ channel, type, payload }) => (globalThis as unknown as InWorker).chrome.runtime.sendMessage({ channel, type, payload }),
    { channel: REQUEST_CHANNEL, type, payload },
  );

const featuresLoaded = () =>
  j.browser.serviceWorker.evaluate(() => Symbol.for('personal-token-companion.background-features') in globalThis);

/** Stops the worker, leaving a mark in it first: a worker without the mark is a new one. */
async function stopMarked(): Promise<void> {
  await j.browser.serviceWorker.evaluate(() => void Object.assign(globalThis, { stoppedByTest: true }));
  await stopServiceWorker(j.browser);
}
const choresDone = () =>
  j.browser.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as InWorker;
    return (await chrome.storage.session.get('wake-chores-done'))['wake-chores-done'] === true;
  });
const isNewWorker = () => j.browser.serviceWorker.evaluate(() => !('stoppedByTest' in globalThis));

test("a woken worker answers the popup's first request without the rest of the background; the next request loads it", async () => {
  const { page, tabId } = await openSite(j, `${j.server.origins.other}/plain`);
  // The browser session's first starts build its copy of the listed sites and run the chores (the
  // first creates the database, which counts as a write to every table: the next start runs them again).
  expect(await ask('tab-state', { tabId })).toEqual({ ok: true, value: null });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await stopServiceWorker(j.browser);
  expect(await ask('tab-state', { tabId })).toEqual({ ok: true, value: null });
  await expect.poll(choresDone, { timeout: 10_000 }).toBe(true);
  await stopMarked();
  expect(await ask('tab-state', { tabId })).toEqual({ ok: true, value: null });
  expect(await isNewWorker()).toBe(true);
  // The chores after the answer have nothing to do this session: still only the start script.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await featuresLoaded()).toBe(false);

  // A request only the features answer: imported into this same worker, then answered.
  expect(await ask('set-currency', { currency: 'ETH' })).toEqual({ ok: true, value: { currency: 'ETH' } });
  expect(await isNewWorker()).toBe(true);
  expect(await featuresLoaded()).toBe(true);
  expect(await ask('set-currency', { currency: 'USD' })).toEqual({ ok: true, value: { currency: 'USD' } });
  // A type nobody declares is still refused, by the features' router.
  expect(await ask('steal-keys', {})).toMatchObject({ ok: false, code: 'router.unknown-request' });
  await page.close();
});

test('a worker woken by a tab event on a listed site marks it without loading the rest of the background', async () => {
  await stopMarked();
  const { page, tabId } = await openSite(j, `${j.server.origins.alex}/about-me`);
  await waitForBadge(j, tabId, '✓');
  expect(await isNewWorker()).toBe(true);
  expect(await featuresLoaded()).toBe(false);
  await page.close();
});

test('the start script stays small: no database, chain client or wallet in it', () => {
  // 61 KB when this was written (the router on zod/mini, storage.session, the listed-site check);
  // background-features.js holds the rest (about 0.8 MB). Every worker start reads and runs this one.
  expect(statSync(join(DEVNET_BUILD, 'background.js')).size).toBeLessThan(100_000);
  expect(statSync(join(DEVNET_BUILD, 'background-features.js')).size).toBeGreaterThan(500_000);
});
