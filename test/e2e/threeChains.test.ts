import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEVNET_A, DEVNET_B, DEVNET_C } from '@/lib/chain/devnet';
import { formatTokenId } from '@/lib/protocol/caip19';
import { BASE_COIN_PATH } from '../demo-server/fixtures';
import { DEVNET_C_HOLDER, DEVNET_HOLDERS } from '../devnet/devnet';
import { startJourneys, type Journeys } from './fixtures';
import { openPopupFor, openSite, text, watchAddress } from './popup';

// The demo holder holds creator tokens on all three devnet chains: ALEX on chain A (Uniswap V2),
// MIKE on chain B (V2) and JESS on the Base stand-in (V4). Followed from their pages, home lists
// all three with balance, value and where each price comes from, read in one request per chain.
let j: Journeys;
const holder = DEVNET_HOLDERS.holder1.address;

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(() => j?.stop());

async function followFrom(url: string, name: string, first = false): Promise<void> {
  const { tabId, page } = await openSite(j, url);
  const popup = await openPopupFor(j, tabId);
  if (first) await watchAddress(popup, holder);
  const follow = popup.getByRole('button', { name: `Follow ${name}` });
  await follow.waitFor();
  await follow.click();
  await popup
    .getByRole('button', { name: `Unfollow ${name}` })
    .first()
    .waitFor();
  await popup.close();
  await page.close();
}

test('home lists the holder’s creator tokens on three chains, each with value and price source', async () => {
  expect(DEVNET_C_HOLDER.address).toBe(holder); // the same demo holder on the Base stand-in
  await followFrom(`${j.server.origins.alex}/`, 'Alex Masmej', true);
  await followFrom(`${j.server.origins.mike}/`, 'Mike Merrill');
  await followFrom(`${j.server.origins.other}${BASE_COIN_PATH}`, 'Jess');

  const { tabId } = await openSite(j, `${j.server.origins.other}/plain`);
  j.rpc.forEach((proxy) => proxy.resetCount());
  const popup = await openPopupFor(j, tabId);
  const rows = popup.getByTestId('holding-row');
  await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-token')))).toEqual([
    formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken),
    formatTokenId(DEVNET_B.chainId, DEVNET_B.creatorToken),
    formatTokenId(DEVNET_C.chainId, DEVNET_C.jess),
  ]);
  const row = (i: number) => rows.nth(i).innerText();
  // ALEX: 1,000,000 : 100 WETH at $3,000 → $0.30; MIKE: 200,000 : 50 WETH → $0.75; JESS: 40,000 : 10 WETH in V4 → $0.75.
  await expect.poll(() => row(0)).toMatch(/12,500 ALEX[\s\S]*Uniswap V2 ALEX\/WETH · \$600K deep[\s\S]*\$3,750\.00/);
  await expect.poll(() => row(1)).toMatch(/5,000 MIKE[\s\S]*Uniswap V2 MIKE\/WETH · \$300K deep[\s\S]*\$3,750\.00/);
  await expect.poll(() => row(2)).toMatch(/1,500 JESS[\s\S]*Uniswap V4 0\.3% JESS\/WETH · \$60K deep[\s\S]*\$1,125\.00/);
  expect(await text(popup, 'total')).toBe('$8,625.00');
  // One holdings refresh: one HTTP request per chain, however many reads ride in it. The Base
  // stand-in has nothing else to read; chains A and B also answer the token-list discovery (one
  // request each), and chain A the liquidity program's snapshot blocks (one more).
  expect(j.rpc[2].requestCount()).toBe(1);
  expect(j.rpc[1].requestCount()).toBeLessThanOrEqual(2);
  expect(j.rpc[0].requestCount()).toBeLessThanOrEqual(3);

  await j.browser.screenshot(popup, 'home-found-three-chains');
  // Nothing in the header (the watched address whole, Connect, side panel, settings) or the rows is clipped.
  const overflow = await popup.evaluate(() =>
    [...document.querySelectorAll('.top-bar, .top-bar > *, .holding-row')]
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => el.className),
  );
  expect(overflow).toEqual([]);
  expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await popup.close();
});
