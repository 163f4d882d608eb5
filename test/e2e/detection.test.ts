import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEVNET_B } from '@/lib/chain/devnet';
import { XSS_PROBE_PATH } from '../demo-server/hostile';
import { startJourneys, type Journeys } from './fixtures';
import { openPopupFor, openSite, waitForBadge } from './popup';

// Journey 1's other side: pages that declare nothing cost nothing, and broken or hostile
// declarations get a clear message and nothing else (no chain read, no script run).
let j: Journeys;
const dialogs: string[] = [];

beforeAll(async () => {
  j = await startJourneys();
  j.browser.context.on('page', (page) => page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
});
afterAll(() => j?.stop());

const settle = () => new Promise((r) => setTimeout(r, 1_500));

describe('pages that declare nothing', () => {
  test('no badge and zero requests: not to the site, not to any chain', async () => {
    j.server.resetRequests();
    j.rpc.forEach((proxy) => proxy.resetCount());
    const { page, tabId } = await openSite(j, `${j.server.origins.other}/plain`);
    await settle();
    expect(await j.browser.badgeText(tabId)).toBe('');
    expect(j.server.requests()).toEqual([{ method: 'GET', path: '/plain', origin: j.server.origins.other }]);
    expect(j.rpcRequests()).toBe(0);
    await j.browser.screenshot(page, 'site-plain');
    await page.close();
  });
});

describe('single-page sites', () => {
  test('history.pushState keeps the declaration: badge, popup; a changed or removed declaration is read again', async () => {
    j.server.resetRequests();
    const { page, tabId } = await openSite(j, `${j.server.origins.alex}/`);
    await waitForBadge(j, tabId, '✓');
    await page.evaluate(() => history.pushState({}, '', '/posts/spa-route'));
    await settle(); // Chrome reports a pushState as 'loading': the declaration must outlive it
    expect(await j.browser.badgeText(tabId)).toBe('✓');
    const popup = await openPopupFor(j, tabId);
    expect(await popup.getByTestId('site-card').innerText()).toContain('Alex');
    await popup.close();

    // The app swaps its head for another creator's token (declared only: not Mike's own site).
    const mike = `eip155:${DEVNET_B.chainId}/erc20:${DEVNET_B.creatorToken}`;
    await page.evaluate((token) => {
      document.querySelector('link[rel="personal-token-manifest"]')?.remove();
      document.querySelector('meta[name="personal-token"]')!.setAttribute('content', token);
    }, mike);
    await waitForBadge(j, tabId, '•');
    const again = await openPopupFor(j, tabId);
    expect(await again.getByTestId('confirmation').innerText()).toBe('Declared by site');
    expect(await again.getByTestId('site-card').innerText()).not.toContain('Alex');
    await again.close();

    // And drops it on a page that declares nothing: Alex's site is listed, so the list's view
    // (Alex, from the URL alone) comes back at once; the manifest was fetched once.
    await page.evaluate(() => document.querySelector('meta[name="personal-token"]')!.remove());
    await waitForBadge(j, tabId, '✓');
    const listed = await openPopupFor(j, tabId);
    expect(await listed.getByTestId('listed-site').innerText()).toBe('This site is in the token list; the page itself declares nothing.');
    await listed.close();
    expect(j.server.requests().filter((r) => r.path === '/personal-token.json')).toHaveLength(1);
    await page.close();
  });

  test('a real navigation still forgets the declaration', async () => {
    const { page, tabId } = await openSite(j, `${j.server.origins.alex}/`);
    await waitForBadge(j, tabId, '✓');
    await page.goto(`${j.server.origins.other}/plain`);
    await waitForBadge(j, tabId, '');
    const popup = await openPopupFor(j, tabId);
    expect(await popup.getByTestId('site-card').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('broken and hostile declarations', () => {
  const cases: [path: string, problem: RegExp][] = [
    ['/broken-token', /The declared token is not valid: the address must be 0x followed by 40 hex digits/],
    ['/broken-manifest', /JSON/],
    ['/invalid-manifest', /checksum/],
    ['/mismatch', /does not match the page's declaration/],
    ['/cross-origin-manifest', /The manifest must be on this site \(http:\/\/localhost:4103\)/],
    ['/oversized', /The manifest is larger than 64 KiB/],
    ['/oversized-chunked', /The manifest is larger than 64 KiB/],
    ['/hostile', /The page declares \d+ tokens; a page may declare only one\./],
  ];

  test.each(cases)('%s: a "!" badge, the problem in words, no chain read', async (path, problem) => {
    j.server.resetRequests();
    j.rpc.forEach((proxy) => proxy.resetCount());
    const { page, tabId } = await openSite(j, `${j.server.origins.other}${path}`);
    await waitForBadge(j, tabId, '!');
    const popup = await openPopupFor(j, tabId);
    const alert = popup.getByTestId('declaration-problem');
    expect(await alert.innerText()).toMatch(problem);
    expect(await popup.getByTestId('site-card').count()).toBe(0);
    expect(await popup.getByRole('button', { name: /^Follow / }).count()).toBe(0);
    // The popup's refresh reads nothing for this page: no followed creators, no declared token.
    expect(j.rpcRequests()).toBe(0);
    const otherOrigin = j.server.requests().filter((r) => r.origin !== j.server.origins.other);
    expect(otherOrigin).toEqual([]); // e.g. the cross-origin manifest was never fetched
    if (path === '/broken-token' || path === '/cross-origin-manifest' || path === '/hostile') {
      expect(j.server.requests().map((r) => r.path)).toEqual([path]); // refused before any fetch
    }
    await j.browser.screenshot(popup, `popup-problem${path.replace('/', '-')}`);
    await popup.close();
    await page.close();
  });

  test('payloads in the hostile page never run, in the page or in the popup', async () => {
    await settle();
    expect(j.server.requests().some((r) => r.path.startsWith(XSS_PROBE_PATH))).toBe(false);
    expect(dialogs).toEqual([]);
  });
});
