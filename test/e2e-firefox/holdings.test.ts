import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { startFirefoxJourneys, type FirefoxJourneys } from './fixtures';
import type { Frame } from 'puppeteer-core';
import { clickButton, EXTENSION_ORIGIN, frameText, testIdText, until } from './firefox';

// Journeys 1 and 2 in Firefox ESR with the Firefox build: the badge on a creator's site, the
// popup on it with prices read on chain, a watched address's holdings, following.
let j: FirefoxJourneys;
const holder1 = DEVNET_HOLDERS.holder1.address;

beforeAll(async () => {
  j = await startFirefoxJourneys();
});
afterAll(() => j?.stop());

describe('a holder on creator sites, in Firefox', () => {
  test("Alex's site lights the badge; the popup shows Alex, the price and a watched holder's balance", async () => {
    const url = `${j.server.origins.alex}/`;
    const page = await j.firefox.openPage(url);
    const tabId = await j.firefox.tabIdOf(url);
    await until(() => j.firefox.badgeText(tabId), '✓');
    await j.firefox.screenshot(page, 'site-alex');

    const popup = await j.firefox.openPopup(tabId);
    await until(
      () =>
        popup
          .$eval('[data-testid=site-card] h2, [data-testid=site-card] h1, [data-testid=site-card] h3', (h) => (h as HTMLElement).innerText)
          .catch(() => ''),
      'Alex Masmej',
    );
    expect(await testIdText(popup, 'confirmation')).toBe('Confirmed');
    await until(() => testIdText(popup, 'price'), '$0.30 · 0.0001 ETH');
    // No "Allow reading sites": Firefox granted host access at install here.
    expect(await popup.$('[data-testid=host-access]')).toBeNull();

    await popup.type('input[aria-label="Address to watch"], #watch-address', holder1);
    await clickButton(popup, /^(Watch|Update)$/);
    await until(() => testIdText(popup, 'balance'), '12,500 ALEX');
    expect(await testIdText(popup, 'value')).toBe('$3,750.00 · 1.25 ETH');

    await clickButton(popup, 'Follow Alex Masmej');
    await until(() => popup.$$eval('[data-testid=holding-row]', (rows) => rows.length), 1);
    await j.firefox.screenshot(popup, 'popup-alex');
    await popup.close();
  });

  test("Mike's token on the second chain: both show under Following with the total", async () => {
    const url = `${j.server.origins.mike}/`;
    await j.firefox.openPage(url);
    const tabId = await j.firefox.tabIdOf(url);
    await until(() => j.firefox.badgeText(tabId), '✓');
    const popup = await j.firefox.openPopup(tabId);
    await until(() => testIdText(popup, 'balance'), '5,000 MIKE');
    expect(await testIdText(popup, 'price')).toBe('$0.75 · 0.00025 ETH');
    await clickButton(popup, 'Follow Mike Merrill');
    await until(() => popup.$$eval('[data-testid=holding-row]', (rows) => rows.length), 2);
    expect(await testIdText(popup, 'total')).toBe('$7,500.00');
    await j.firefox.screenshot(popup, 'popup-mike-following-both');
    await popup.close();
  });

  test("the in-page card's Open the companion opens the popup (action.openPopup, or its window fallback)", async () => {
    const page = await j.firefox.openPage(`${j.server.origins.alex}/?card`);
    let card: Frame | null = null;
    await until(async () => {
      for (const frame of page.frames())
        if (
          (await frame.evaluate(() => location.href).catch(() => '')).startsWith(EXTENSION_ORIGIN) &&
          (await frameText(frame)).includes('Open the companion')
        )
          card = frame;
      return card !== null;
    }, true);
    await (await card!.waitForSelector('::-p-text(Open the companion)'))!.click();
    type Opened = { popups: number; windows: string[] };
    const opened = await until(
      () =>
        j.firefox.inExtension(async () => {
          const b = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
          const windows = await b.windows.getAll({ populate: true });
          return {
            popups: b.extension.getViews({ type: 'popup' }).length,
            windows: windows.filter((w) => w.type === 'popup').flatMap((w) => (w.tabs ?? []).map((t) => t.url ?? '')),
          } satisfies Opened;
        }, null),
      (o: Opened) => o.popups > 0 || o.windows.some((u) => u.includes('/popup.html?tab=')),
    );
    // Which of the two ran, for the record of this Firefox version.
    console.log(
      `Firefox opened the companion by ${opened.popups > 0 ? 'action.openPopup' : `the window fallback (${opened.windows.join(', ')})`}`,
    );
    await page.close();
  });

  test('a page that declares nothing leaves the badge empty', async () => {
    const url = `${j.server.origins.other}/plain`;
    await j.firefox.openPage(url);
    const tabId = await j.firefox.tabIdOf(url);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await j.firefox.badgeText(tabId)).toBe('');
  });
});
