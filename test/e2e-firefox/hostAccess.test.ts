import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFirefoxJourneys, type FirefoxJourneys } from './fixtures';
import { clickButton, testIdText, until } from './firefox';

// Firefox MV3 makes host access opt-in. Installed with it withheld, the companion cannot see any
// creator site: the popup says so in one sentence and asks for it; after the holder's click
// (permissions.request, granted without the doorhanger headless Firefox cannot show) detection works.
let j: FirefoxJourneys;

beforeAll(async () => {
  j = await startFirefoxJourneys({ grantSites: false });
});
afterAll(() => j?.stop());

describe('site access in Firefox', () => {
  test('without host access no site is detected, and the popup asks for it in a clear sentence', async () => {
    const granted = await j.firefox.inExtension(
      () =>
        (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.permissions.contains({
          origins: ['http://*/*', 'https://*/*'],
        }),
      null,
    );
    expect(granted).toBe(false);
    const url = `${j.server.origins.alex}/`;
    await j.firefox.openPage(url);
    const tabId = await j.firefox.tabIdOf(url).catch(() => null);
    // Without host access the extension may not even read the tab's URL.
    expect(tabId).toBeNull();

    const popup = await j.firefox.openPopup();
    const notice = await until(
      () => testIdText(popup, 'host-access'),
      (t) => t.length > 0,
    );
    expect(notice).toContain('To see creators’ tokens on their sites, the companion needs your permission to read the pages you open.');
    await j.firefox.screenshot(popup, 'popup-host-access-missing');

    await clickButton(popup, 'Allow reading sites');
    await until(() => popup.$('[data-testid=host-access]').then((el) => el === null), true);
    await popup.close();
  });

  test('after the grant, the creator site lights the badge and the popup reads Alex', async () => {
    const url = `${j.server.origins.alex}/?after-grant`;
    await j.firefox.openPage(url);
    const tabId = await j.firefox.tabIdOf(url);
    await until(() => j.firefox.badgeText(tabId), '✓');
    const popup = await j.firefox.openPopup(tabId);
    await until(() => testIdText(popup, 'price'), '$0.30 · 0.0001 ETH');
    await popup.close();
  });
});
