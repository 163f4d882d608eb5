import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENS_PATHS } from '../demo-server/ensSites';
import { waitForShadow, type ShadowHost } from './closedShadow';
import { startJourneys, type Journeys } from './fixtures';
import { openPopupFor, openSite, text, waitForBadge } from './popup';

// Issue 12 end to end: a listed site is recognised without tags, Alex's coin is confirmed on his
// site by alex.eth (ENS on the devnet), and the lookalike of $ALEX stays "declared" with a warning
// in the popup and in the in-page card. A plain page still costs nothing.
let j: Journeys;

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(() => j?.stop());

const settle = () => new Promise((r) => setTimeout(r, 1_500));

describe('creator sites without tags, and the on-chain route', () => {
  test('a listed domain with no tags shows its creator', async () => {
    j.server.resetRequests();
    j.rpc.forEach((proxy) => proxy.resetCount());
    const { page, tabId } = await openSite(j, `${j.server.origins.alex}${ENS_PATHS.alexNoTags}`);
    await waitForBadge(j, tabId, '✓');
    // Recognised from the URL: the page itself was the only request to the site (no manifest).
    expect(j.server.requests(j.server.origins.alex)).toEqual([
      { method: 'GET', path: ENS_PATHS.alexNoTags, origin: j.server.origins.alex },
    ]);
    const popup = await openPopupFor(j, tabId);
    expect(await text(popup, 'site-card')).toContain('Alex Masmej');
    expect(await text(popup, 'confirmation')).toBe('Confirmed');
    expect(await text(popup, 'listed-site')).toBe('This site is in the token list; the page itself declares nothing.');
    await popup.close();
    await page.close();
  });

  test('a plain page still makes zero requests and gets no badge', async () => {
    j.server.resetRequests();
    j.rpc.forEach((proxy) => proxy.resetCount());
    const { page, tabId } = await openSite(j, `${j.server.origins.other}/plain`);
    await settle();
    expect(await j.browser.badgeText(tabId)).toBe('');
    expect(j.server.requests()).toEqual([{ method: 'GET', path: '/plain', origin: j.server.origins.other }]);
    expect(j.rpcRequests()).toBe(0);
    await page.close();
  });

  test("Alex's coin on Alex's site is confirmed by alex.eth", async () => {
    const { page, tabId } = await openSite(j, `${j.server.origins.alex}${ENS_PATHS.alexCoin}`);
    await waitForBadge(j, tabId, '✓');
    const popup = await openPopupFor(j, tabId);
    expect(await text(popup, 'confirmation')).toBe('Confirmed by alex.eth');
    expect(await popup.getByTestId('lookalike-warning').count()).toBe(0);
    await j.browser.screenshot(popup, 'popup-confirmed-by-ens');
    await popup.close();
    await page.close();
  });

  test('the lookalike stays declared, with its warning in the popup and in the in-page card', async () => {
    const { page, tabId } = await openSite(j, `${j.server.origins.other}${ENS_PATHS.lookalike}`);
    await waitForBadge(j, tabId, '•');
    const companion = (hosts: ShadowHost[]) => hosts.find((h) => h.name === 'ptc-companion');
    const hosts = await waitForShadow(
      page,
      (h) => companion(h)?.text.includes('copies the name and symbol') ?? false,
      'the companion with the warning',
    );
    expect(companion(hosts)!.text).toContain(
      'This token copies the name and symbol of Alex Masmej ($ALEX) but is another contract; the real one is listed for localhost:4101.',
    );
    expect(companion(hosts)!.text).toContain('declared by this site');
    await j.browser.screenshot(page, 'site-lookalike-warning');

    const popup = await openPopupFor(j, tabId);
    await popup.getByTestId('lookalike-warning').waitFor();
    expect(await text(popup, 'confirmation')).toBe('Declared by site');
    expect(await text(popup, 'lookalike-warning')).toContain('copies the name and symbol of Alex Masmej ($ALEX) but is another contract');
    await popup.getByText('Why only “declared”?').click();
    expect(await text(popup, 'why-declared')).toContain(
      `alexmasmej.eth's url record is "http://localhost:4101": it names another site (http://localhost:4101), not this one (${j.server.origins.other}).`,
    );
    await j.browser.screenshot(popup, 'popup-lookalike-warning');
    await popup.close();
    await page.close();
  });
});
