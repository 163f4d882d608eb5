import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicClient, http, parseAbi } from 'viem';
import { DEVNET_A, DEVNET_B } from '@/lib/chain/devnet';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { waitForShadow, type ShadowHost } from './closedShadow';
import { startJourneys, type Journeys } from './fixtures';
import { openPopupFor, openSite, text, waitForBadge, watchAddress } from './popup';

// The display currency: switching to ETH in Settings turns every value in the popup and the
// in-page card into ETH, each the USD figure divided by the ETH/USD price of the chain's pool.
let j: Journeys;
const holder1 = DEVNET_HOLDERS.holder1.address;

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(() => j?.stop());

/** USD per ETH from the chain's WETH/USDC pair, read here independently of the extension. */
async function ethUsd(rpcUrl: string, chain: typeof DEVNET_A | typeof DEVNET_B): Promise<number> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const abi = parseAbi([
    'function getPair(address, address) view returns (address)',
    'function getReserves() view returns (uint112, uint112, uint32)',
    'function token0() view returns (address)',
    'function decimals() view returns (uint8)',
  ]);
  const pair = await client.readContract({ address: chain.factory, abi, functionName: 'getPair', args: [chain.weth, chain.usdc] });
  const [[r0, r1], token0, usdcDecimals] = await Promise.all([
    client.readContract({ address: pair, abi, functionName: 'getReserves' }),
    client.readContract({ address: pair, abi, functionName: 'token0' }),
    client.readContract({ address: chain.usdc, abi, functionName: 'decimals' }),
  ]);
  const wethFirst = token0.toLowerCase() === chain.weth.toLowerCase();
  const [weth, usdc] = wethFirst ? [r0, r1] : [r1, r0];
  return Number(usdc) / 10 ** usdcDecimals / (Number(weth) / 1e18);
}

/** Each followed creator's row: its name and the value figure (the row also names the pool and its USD depth). */
async function rowValues(popup: Page): Promise<{ name: string; value: string }[]> {
  return popup.getByTestId('holding-row').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('.holding-name')?.textContent ?? '',
      value: row.querySelector('.holding-value > span')?.textContent ?? '',
    })),
  );
}

const dollars = (s: string) => Number(s.replace(/[^0-9.]/g, ''));
const ether = (s: string) => {
  const match = /([\d,.]+) ETH/.exec(s);
  if (!match?.[1]) throw new Error(`No ETH figure in "${s}"`);
  return Number(match[1].replace(/,/g, ''));
};

describe('values in ETH', () => {
  test('popup and in-page card show ETH, each the USD figure divided by the ETH price', async () => {
    const priceA = await ethUsd(j.devnet.chains[0].rpcUrl, DEVNET_A);
    const priceB = await ethUsd(j.devnet.chains[1].rpcUrl, DEVNET_B);
    expect(priceA).toBeGreaterThan(0);

    // Follow Alex (chain A) and Mike (chain B), watching holder 1; the USD figures first.
    const alex = await openSite(j, `${j.server.origins.alex}/`);
    await waitForBadge(j, alex.tabId, '✓');
    let popup = await openPopupFor(j, alex.tabId);
    await watchAddress(popup, holder1);
    await popup.getByRole('button', { name: 'Follow Alex Masmej' }).click();
    await expect.poll(() => popup.getByTestId('holding-row').count()).toBe(1);
    await popup.close();
    const mike = await openSite(j, `${j.server.origins.mike}/`);
    await waitForBadge(j, mike.tabId, '✓');
    popup = await openPopupFor(j, mike.tabId);
    await popup.getByRole('button', { name: 'Follow Mike Merrill' }).click();
    await expect.poll(() => popup.getByTestId('holding-row').count()).toBe(2);
    const usd = {
      value: await text(popup, 'value'),
      price: await text(popup, 'price'),
      total: await text(popup, 'total'),
      rows: await rowValues(popup),
    };
    expect(usd.value).toMatch(/^\$[\d,.]+ · [\d.]+ ETH$/);
    expect(usd.total).toMatch(/^\$[\d,.]+$/);

    // Settings → Show values in → Ether.
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByRole('radio', { name: /^Ether \(ETH\)/ }).check();
    await popup.getByRole('button', { name: 'Back to holdings' }).click();
    await expect.poll(() => text(popup, 'total')).toMatch(/ETH$/);

    // Mike's site card: ETH first, the USD figure beside it.
    const value = await text(popup, 'value');
    expect(value).toMatch(/^[\d.,]+ ETH · \$[\d,.]+$/);
    expect(ether(value)).toBeCloseTo(dollars(usd.value.split(' · ')[0]!) / priceB, 4);
    expect(ether(await text(popup, 'price'))).toBeCloseTo(dollars(usd.price.split(' · ')[0]!) / priceB, 8);
    // The total is the sum of each holding's USD value divided by its own chain's ETH price.
    const rows = await rowValues(popup);
    const rowUsd = usd.rows.map((r) => dollars(r.value));
    const rowEth = rows.map((r) => ether(r.value));
    const prices = usd.rows.map((r) => (r.name.includes('Alex') ? priceA : priceB));
    rowEth.forEach((eth, i) => expect(eth).toBeCloseTo(rowUsd[i]! / prices[i]!, 4));
    expect(ether(await text(popup, 'total'))).toBeCloseTo(rowUsd[0]! / prices[0]! + rowUsd[1]! / prices[1]!, 4);
    expect(rows.map((r) => r.value).join(' ')).not.toContain('$');
    await j.browser.screenshot(popup, 'popup-values-in-eth');
    await popup.close();

    // The in-page card on Alex's site.
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.alex}/`);
    const companion = (hosts: ShadowHost[]) => hosts.find((h) => h.name === 'ptc-companion');
    const hosts = await waitForShadow(page, (h) => /12,500 ALEX · [\d.]+ ETH/.test(companion(h)?.text ?? ''), 'the card in ETH');
    const alexUsd = dollars(usd.rows.find((r) => r.name.includes('Alex'))!.value);
    expect(ether(/12,500 ALEX · ([\d.]+ ETH)/.exec(companion(hosts)!.text)![1]!)).toBeCloseTo(alexUsd / priceA, 4);
    await page.close();

    // And back to USD.
    popup = await j.browser.openPopup();
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByRole('radio', { name: 'US dollars (USD)' }).check();
    await popup.getByRole('button', { name: 'Back to holdings' }).click();
    await expect.poll(() => text(popup, 'total')).toBe(usd.total);
    await popup.close();
  });
});
