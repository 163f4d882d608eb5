import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEVNET_C_HOLDER } from '../devnet/devnet';
import { BASE_COIN_PATH } from '../demo-server/fixtures';
import { startJourneys, type Journeys } from './fixtures';
import { openPopupFor, openSite, text, waitForBadge, watchAddress } from './popup';

// A creator page on the Base stand-in (chain 84530) declares $JESS, which trades only in a
// Uniswap V4 pool: the popup shows balance, price with its source, and value, read through the
// third chain's RPC proxy.
let j: Journeys;

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(() => j?.stop());

test('a V4-priced coin on the Base stand-in: balance, price with its source, value', async () => {
  const { tabId, page } = await openSite(j, `${j.server.origins.other}${BASE_COIN_PATH}`);
  await waitForBadge(j, tabId, '•');
  await j.browser.screenshot(page, 'site-base-coin');
  const popup = await openPopupFor(j, tabId);
  await watchAddress(popup, DEVNET_C_HOLDER.address);
  // 40,000 JESS : 10 WETH in a full-range V4 pool → 0.00025 ETH = $0.75; holder 1 holds 1,500 JESS.
  await expect.poll(() => text(popup, 'balance'), { timeout: 15_000 }).toBe('1,500 JESS');
  await expect.poll(() => text(popup, 'price')).toBe('$0.75 · 0.00025 ETH');
  expect(await text(popup, 'value')).toBe('$1,125.00 · 0.375 ETH');
  expect(await text(popup, 'price-source')).toMatch(/^Uniswap V4 0\.3% JESS\/WETH, \$(59,999\.\d\d|60,000\.00) deep$/);
  expect(j.rpc[2].requestCount()).toBeGreaterThan(0);
  await j.browser.screenshot(popup, 'popup-base-v4-coin');
  await popup.close();
});
