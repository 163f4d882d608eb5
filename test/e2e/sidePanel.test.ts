import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startJourneys, type Journeys } from './fixtures';
import { SCREENSHOT_DIR, type InWorker } from './harness/browser';
import { openPopupFor, openSite, waitForBadge } from './popup';

// The side panel: the popup's app in sidepanel.html (Chrome's side_panel.default_path). Opened
// here as a tab of the same window, it follows whichever tab is active, and shares IndexedDB
// with the popup, so a follow made in one shows in the other.

let j: Journeys;
let alex: { page: Page; tabId: number };
let mike: { page: Page; tabId: number };
let plain: { page: Page; tabId: number };
let panel: Page;

beforeAll(async () => {
  j = await startJourneys();
  alex = await openSite(j, `${j.server.origins.alex}/`);
  await waitForBadge(j, alex.tabId, '✓');
  mike = await openSite(j, `${j.server.origins.mike}/`);
  await waitForBadge(j, mike.tabId, '✓');
  plain = await openSite(j, `${j.server.origins.other}/plain`);
  panel = await j.browser.context.newPage();
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(`chrome-extension://${j.browser.extensionId}/sidepanel.html`);
});
afterAll(() => j?.stop());

const heading = (name: string) => panel.getByRole('heading', { name, exact: true });

describe('the side panel', () => {
  test('the manifest declares it, with the permission', async () => {
    const manifest = JSON.parse(readFileSync(join(j.browser.extensionPath, 'manifest.json'), 'utf8')) as {
      permissions: string[];
      side_panel?: { default_path: string };
    };
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toContain('sidePanel');
  });

  test('it follows the active tab: Alex, then Mike, then a page that declares nothing', async () => {
    await alex.page.bringToFront();
    await heading('Alex Masmej').waitFor();
    await mike.page.bringToFront();
    await heading('Mike Merrill').waitFor();
    await plain.page.bringToFront();
    await panel.getByRole('heading', { name: 'Following' }).waitFor();
    // Navigating the active tab to a creator's page is followed too.
    await plain.page.goto(`${j.server.origins.alex}/`);
    await heading('Alex Masmej').waitFor();
    await plain.page.goto(`${j.server.origins.other}/plain`);
    await panel.getByRole('heading', { name: 'Following' }).waitFor();
  });

  test('popup and panel share their data: a follow in the popup shows in the panel at once', async () => {
    const popup = await openPopupFor(j, alex.tabId);
    await popup.getByRole('button', { name: 'Follow Alex Masmej' }).click();
    await popup.getByRole('button', { name: 'Unfollow Alex Masmej' }).first().waitFor();
    await popup.close();
    await plain.page.bringToFront();
    await panel.getByRole('button', { name: 'Open Alex Masmej' }).waitFor();
  });

  test('the holder chooses popup or panel for the toolbar button', async () => {
    const behaviour = () =>
      j.browser.serviceWorker.evaluate(async () => {
        const { chrome } = globalThis as unknown as InWorker;
        return {
          panel: (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick ?? false,
          popup: await chrome.action.getPopup({}),
        };
      });
    await panel.getByRole('button', { name: 'Settings' }).click();
    await panel.getByLabel('The side panel, beside the page').click();
    await expect.poll(behaviour).toEqual({ panel: true, popup: '' });
    await panel.getByLabel('The popup').click();
    await expect.poll(async () => (await behaviour()).panel).toBe(false);
    expect((await behaviour()).popup).toMatch(/popup\.html$/);
    await panel.getByRole('button', { name: 'Back to holdings' }).click();
  });

  test('the popup offers to open the panel', async () => {
    const popup = await openPopupFor(j, alex.tabId);
    await popup.getByRole('button', { name: 'Open in the side panel' }).waitFor();
    await popup.close();
  });

  test('screenshot: the panel beside Alex’s page', async () => {
    await alex.page.bringToFront();
    await heading('Alex Masmej').waitFor();
    await panel.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 }).catch(() => undefined);
    const site = await alex.page.screenshot();
    const side = await panel.screenshot();
    // Headless Chromium draws no browser UI, so the real panel cannot be captured: the two pages are
    // put side by side as Chrome lays them out (page, then the panel on the right).
    const composite = await j.browser.context.newPage();
    await composite.setViewportSize({ width: 1280 + 360 + 1, height: 800 });
    await composite.setContent(
      `<body style="margin:0;display:flex;background:#888"><img src="data:image/png;base64,${site.toString('base64')}" style="width:1280px;height:800px"><div style="width:1px;background:#999"></div><img src="data:image/png;base64,${side.toString('base64')}" style="width:360px;height:800px"></body>`,
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await composite.screenshot({ path: join(SCREENSHOT_DIR, 'side-panel-beside-alex.png') });
    await composite.close();
  });
});
