import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEVNET_B } from '@/lib/chain/devnet';
import { ENS_PATHS } from '../demo-server/ensSites';
import { startJourneys, type Journeys } from './fixtures';
import type { InWorker } from './harness/browser';
import { openPopupFor, openSite, text, waitForBadge } from './popup';
import { stopServiceWorker } from './serviceWorker';

// Listed sites (a domain in an enabled token list) are recognised from the tab's URL, whether or
// not the service worker was running when the tab loaded: at its start it looks at the open tabs,
// and a single-page site's URL change brings the listed state back at once. Pages that declare
// nothing and are not listed still cost nothing.
let j: Journeys;

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(() => j?.stop());

const settle = () => new Promise((r) => setTimeout(r, 1_500));

async function expectListedAlex(tabId: number): Promise<void> {
  const popup = await openPopupFor(j, tabId);
  expect(await text(popup, 'site-card')).toContain('Alex Masmej');
  expect(await text(popup, 'confirmation')).toBe('Confirmed');
  expect(await text(popup, 'listed-site')).toBe('This site is in the token list; the page itself declares nothing.');
  await popup.close();
}

describe('listed sites without tags', () => {
  test('the service worker was stopped when the tab loaded: badge, and the popup on the creator', async () => {
    await stopServiceWorker(j.browser);
    j.server.resetRequests();
    j.rpc.forEach((proxy) => proxy.resetCount());
    const { page, tabId } = await openSite(j, `${j.server.origins.alex}${ENS_PATHS.alexNoTags}`);
    await waitForBadge(j, tabId, '✓');
    expect(j.server.requests(j.server.origins.alex)).toEqual([
      { method: 'GET', path: ENS_PATHS.alexNoTags, origin: j.server.origins.alex },
    ]);
    await expectListedAlex(tabId);
    await page.close();
  });

  test('a tab whose events the worker never saw (open before an install or an update) is marked when it starts', async () => {
    const { page, tabId } = await openSite(j, `${j.server.origins.alex}${ENS_PATHS.alexNoTags}`);
    await waitForBadge(j, tabId, '✓');
    // What a worker that never saw the tab has (an update also clears storage.session): no state, no badge.
    await j.browser.serviceWorker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as InWorker;
      await chrome.storage.session.clear();
      await chrome.action.setBadgeText({ tabId: id });
    }, tabId);
    expect(await j.browser.badgeText(tabId)).toBe('');
    await stopServiceWorker(j.browser);
    // Anything that starts the worker (here the popup opened on another tab) looks at the open tabs.
    const plain = await openSite(j, `${j.server.origins.other}/plain`);
    const popup = await openPopupFor(j, plain.tabId);
    await waitForBadge(j, tabId, '✓');
    await popup.close();
    await plain.page.close();
    await expectListedAlex(tabId);
    await page.close();
  });

  test("a single-page site's URL change re-applies the listed state at once", async () => {
    const { page, tabId } = await openSite(j, `${j.server.origins.alex}${ENS_PATHS.alexNoTags}`);
    await waitForBadge(j, tabId, '✓');
    // The app moves to a route that declares another creator's token: the page's word wins (declared only).
    const mike = `eip155:${DEVNET_B.chainId}/erc20:${DEVNET_B.creatorToken}`;
    await page.evaluate((token) => {
      history.pushState({}, '', '/posts/about-mike');
      const meta = document.createElement('meta');
      meta.name = 'personal-token';
      meta.content = token;
      document.head.append(meta);
    }, mike);
    await waitForBadge(j, tabId, '•');
    // Back to a route without tags, with the service worker stopped in between: Alex's site again.
    await stopServiceWorker(j.browser);
    await page.evaluate(() => {
      history.pushState({}, '', '/about-me');
      document.querySelector('meta[name="personal-token"]')!.remove();
    });
    await waitForBadge(j, tabId, '✓');
    await expectListedAlex(tabId);
    // And a plain URL change on the listed site keeps it.
    await page.evaluate(() => history.pushState({}, '', '/about-me#contact'));
    await settle();
    expect(await j.browser.badgeText(tabId)).toBe('✓');
    await page.close();
  });

  test('a plain page, even right after the worker starts, makes zero requests and gets no badge', async () => {
    await stopServiceWorker(j.browser);
    j.server.resetRequests();
    j.rpc.forEach((proxy) => proxy.resetCount());
    const { page, tabId } = await openSite(j, `${j.server.origins.other}/plain`);
    await page.evaluate(() => history.pushState({}, '', '/plain/elsewhere'));
    await settle();
    expect(await j.browser.badgeText(tabId)).toBe('');
    const popup = await openPopupFor(j, tabId);
    expect(await popup.getByTestId('site-card').count()).toBe(0);
    await popup.close();
    expect(j.server.requests()).toEqual([{ method: 'GET', path: '/plain', origin: j.server.origins.other }]);
    expect(j.rpcRequests()).toBe(0);
    await page.close();
  });
});
