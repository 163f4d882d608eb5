import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEVNET_A } from '@/lib/chain/devnet';
import { formatTokenId } from '@/lib/protocol/caip19';
import { alertKey, notificationId } from '@/lib/alerts/core/alerts';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { DEVNET_INCOME } from '../devnet/incomePlan';
import { startJourneys, type Journeys } from './fixtures';
import type { InWorker } from './harness/browser';
import { openPopupFor, openSite, waitForBadge, watchAddress } from './popup';

// Alerts with the popup closed, in Chromium: the real alarm fires in the service worker, the
// real notifications are listed by chrome.notifications, the badge counts what waits, and a
// worker stopped by Chromium (as it does when idle) does not notify the same thing again.

const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const { q1, partner } = DEVNET_INCOME.rounds;
const ALARM = 'alerts-refresh';
let j: Journeys;
let alexTab: number;
let plainTab: number;

type AlertRun = { at: number; skipped: boolean; waiting: number; notified: number };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Playwright's evaluate types its argument loosely
const inWorker = <T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> => j.browser.serviceWorker.evaluate(fn as any, arg);
const notifications = () =>
  inWorker(async () => Object.keys(await (globalThis as unknown as InWorker).chrome.notifications.getAll()).sort(), null);

/** The last alert run, read straight from the extension's IndexedDB in the worker. */
const lastRun = () =>
  inWorker(
    () =>
      new Promise<AlertRun | undefined>((resolve, reject) => {
        const open = indexedDB.open('personal-token-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('alertRuns').objectStore('alertRuns').get('last');
          get.onsuccess = () => {
            resolve(get.result as AlertRun | undefined);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    null,
  );

/** Makes Chromium fire the alerts alarm now (the periodic one is re-created after the run), and waits for the run. */
async function fireAlarm(): Promise<AlertRun> {
  const before = (await lastRun())?.at ?? 0;
  await inWorker(async (name) => {
    await (globalThis as unknown as InWorker).chrome.alarms.create(name, { when: Date.now() });
  }, ALARM);
  let run: AlertRun | undefined;
  await expect.poll(async () => (run = await lastRun())?.at ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
  return run!;
}

/** What Chromium does to an idle service worker; the next event starts a new one. */
async function stopCompanionWorker(page: Page): Promise<void> {
  const cdp = await j.browser.context.newCDPSession(page);
  const ours = `chrome-extension://${j.browser.extensionId}/`;
  let versionId: string | undefined;
  let markStopped: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const running = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(ours)) continue;
        if (v.runningStatus === 'running' && !versionId) resolve((versionId = v.versionId));
        if (v.versionId === versionId && v.runningStatus === 'stopped') markStopped();
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopWorker', { versionId: await running });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tooLong = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('The worker did not stop')), 10_000)));
  await Promise.race([stopped, tooLong]).finally(() => clearTimeout(timer));
  await cdp.detach();
}

beforeAll(async () => {
  j = await startJourneys();
  const alex = await openSite(j, `${j.server.origins.alex}/`);
  alexTab = alex.tabId;
  await waitForBadge(j, alexTab, '✓');
  plainTab = (await openSite(j, `${j.server.origins.other}/plain`)).tabId;
});
afterAll(() => j?.stop());

describe('alerts while the popup is closed', () => {
  test('nothing followed: the alarm runs and skips, no notification, no badge', async () => {
    expect(
      await inWorker(async (name) => (await (globalThis as unknown as InWorker).chrome.alarms.get(name))?.periodInMinutes ?? null, ALARM),
    ).toBe(30);
    const run = await fireAlarm();
    expect(run).toMatchObject({ skipped: true, waiting: 0 });
    expect(await notifications()).toEqual([]);
    expect(await j.browser.badgeText(plainTab)).toBe('');
  });

  test('the alarm notifies the claimable rounds once; the badge counts them on other tabs; the page mark stays on Alex’s', async () => {
    const popup = await openPopupFor(j, alexTab);
    await watchAddress(popup, DEVNET_HOLDERS.holder1.address);
    await popup.getByRole('button', { name: 'Follow Alex Masmej' }).click();
    await popup.getByRole('button', { name: 'Unfollow Alex Masmej' }).first().waitFor();
    await popup.close();

    const run = await fireAlarm();
    expect(run).toMatchObject({ skipped: false, waiting: 2, notified: 2 });
    // The browser shows notifications a moment after the run records them.
    await expect
      .poll(notifications, { timeout: 10_000 })
      .toEqual(
        [notificationId(ALEX, alertKey('new-round', ALEX, q1.id)), notificationId(ALEX, alertKey('new-round', ALEX, partner.id))].sort(),
      );
    expect(await j.browser.badgeText(plainTab)).toBe('2');
    expect(await j.browser.badgeText(alexTab)).toBe('✓');
    // The one-shot alarm the test fired was replaced by the periodic one again.
    expect(
      await inWorker(async (name) => (await (globalThis as unknown as InWorker).chrome.alarms.get(name))?.periodInMinutes ?? null, ALARM),
    ).toBe(30);
  });

  test('the worker stops; the next alarm starts a new one, which notifies nothing again', async () => {
    await inWorker(async () => {
      const api = (globalThis as unknown as InWorker).chrome.notifications;
      for (const id of Object.keys(await api.getAll())) await api.clear(id);
    }, null);
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.other}/plain`);
    await inWorker(async () => void ((globalThis as unknown as { alive?: boolean }).alive = true), null);
    await stopCompanionWorker(page);
    // Any event wakes the worker; the popup page is one. A new worker has none of the old one's globals.
    const popup = await j.browser.openPopup(plainTab);
    await expect
      .poll(() => inWorker(async () => (globalThis as unknown as { alive?: boolean }).alive ?? false, null).catch(() => 'stopped'), {
        timeout: 15_000,
      })
      .toBe(false);
    const run = await fireAlarm();
    expect(run).toMatchObject({ skipped: false, waiting: 2, notified: 0 });
    expect(await notifications()).toEqual([]);
    expect(await j.browser.badgeText(plainTab)).toBe('2');
    await popup.close();
    await page.close();
  });

  test('the popup lists what waits; a clicked notification opens the popup on that creator', async () => {
    const popup = await openPopupFor(j, plainTab);
    const alerts = popup.getByTestId('alert');
    await expect.poll(() => alerts.count()).toBe(2);
    expect(await popup.getByTestId('alerts').innerText()).toContain(`1,250 ALEX from “${q1.title}” is yours to claim.`);
    await j.browser.screenshot(popup, 'popup-alerts');
    await alerts.first().click();
    await popup.getByRole('heading', { name: 'Alex Masmej' }).waitFor();
    await popup.close();

    // What the notification click leaves for the popup (action.openPopup then opens it).
    await inWorker(async (tokenId) => {
      await (globalThis as unknown as InWorker).chrome.storage.session.set({ 'focus-creator': { tokenId, at: Date.now() } });
    }, ALEX);
    const opened = await j.browser.openPopup(plainTab);
    await opened.getByRole('heading', { name: 'Alex Masmej' }).waitFor();
    await opened.close();
    // Or, where the popup cannot be opened, a window on the creator.
    const windowed = await j.browser.context.newPage();
    await windowed.goto(`chrome-extension://${j.browser.extensionId}/popup.html?tab=${plainTab}&creator=${encodeURIComponent(ALEX)}`);
    await windowed.getByRole('heading', { name: 'Alex Masmej' }).waitFor();
    await windowed.close();
  });

  test('a kind turned off in Settings stops counting', async () => {
    const popup = await openPopupFor(j, plainTab);
    await popup.getByRole('button', { name: 'Settings' }).click();
    const kind = popup.getByLabel('A new income round to claim');
    await kind.click();
    await expect.poll(() => kind.isChecked()).toBe(false);
    expect(await fireAlarm()).toMatchObject({ waiting: 0, notified: 0 });
    expect(await j.browser.badgeText(plainTab)).toBe('');
    await j.browser.screenshot(popup, 'popup-alert-settings');
    await kind.click();
    await expect.poll(() => kind.isChecked()).toBe(true);
    await popup.close();
  });
});
