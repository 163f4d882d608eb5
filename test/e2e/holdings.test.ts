import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestClient, createWalletClient, http, parseAbi } from 'viem';
import { DEVNET_A } from '@/lib/chain/devnet';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { startJourneys, type Journeys } from './fixtures';
import { openPopupFor, openSite, text, waitForBadge, watchAddress } from './popup';

// Journeys 1 and 2 in real Chromium with the built extension, against the real devnet:
// detect a creator site, see holdings priced on chain, follow, and come back later.
let j: Journeys;
const holder1 = DEVNET_HOLDERS.holder1.address;

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(() => j?.stop());

describe('a holder on creator sites', () => {
  test("Alex's site lights the badge; the popup opens on Alex with the price read on chain", async () => {
    const { page, tabId } = await openSite(j, `${j.server.origins.alex}/`);
    await waitForBadge(j, tabId, '✓');
    await j.browser.screenshot(page, 'site-alex');

    const popup = await openPopupFor(j, tabId);
    const card = popup.getByTestId('site-card');
    await expect.poll(() => card.getByRole('heading').innerText()).toBe('Alex Masmej');
    expect(await text(popup, 'confirmation')).toBe('Confirmed');
    // 1,000,000 ALEX : 100 ETH and 1 ETH = 3,000 USDC in the devnet pools.
    await expect.poll(() => text(popup, 'price')).toBe('$0.30 · 0.0001 ETH');
    await j.browser.screenshot(popup, 'popup-alex-no-address');

    await watchAddress(popup, holder1);
    await expect.poll(() => text(popup, 'balance')).toBe('12,500 ALEX');
    expect(await text(popup, 'value')).toBe('$3,750.00 · 1.25 ETH');
    expect(await text(popup, 'data-age')).toMatch(/^As of block \d+ · (now|\d+ seconds? ago)$/);

    await popup.getByRole('button', { name: 'Follow Alex Masmej' }).click();
    await popup.getByRole('button', { name: 'Unfollow Alex Masmej' }).first().waitFor();
    await expect.poll(() => popup.getByTestId('holding-row').count()).toBe(1);
    await j.browser.screenshot(popup, 'popup-alex');
    await popup.close();
  });

  test("Mike's token on the second chain works the same, and both show under Following", async () => {
    const { tabId, page } = await openSite(j, `${j.server.origins.mike}/`);
    await waitForBadge(j, tabId, '✓');
    await j.browser.screenshot(page, 'site-mike');
    const popup = await openPopupFor(j, tabId);
    await expect.poll(() => popup.getByTestId('site-card').getByRole('heading').innerText()).toBe('Mike Merrill');
    // 200,000 MIKE : 50 ETH → 0.00025 ETH = $0.75; holder 1 holds 5,000 MIKE.
    await expect.poll(() => text(popup, 'balance')).toBe('5,000 MIKE');
    expect(await text(popup, 'price')).toBe('$0.75 · 0.00025 ETH');
    expect(await text(popup, 'value')).toBe('$3,750.00 · 1.25 ETH');
    await popup.getByRole('button', { name: 'Follow Mike Merrill' }).click();
    await expect.poll(() => popup.getByTestId('holding-row').count()).toBe(2);
    expect(await text(popup, 'total')).toBe('$7,500.00');
    await j.browser.screenshot(popup, 'popup-mike-following-both');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await j.browser.screenshot(popup, 'popup-mike-dark');
    await popup.close();
  });

  test('the popup paints followed holdings from IndexedDB while the RPC takes seconds to answer', async () => {
    j.rpc.forEach((proxy) => proxy.setLatency(2_500));
    try {
      const popup = await j.browser.openPopup();
      const rows = popup.getByTestId('holding-row');
      await expect.poll(() => rows.count(), { timeout: 1_500 }).toBe(2);
      // Still refreshing: what is on screen came from IndexedDB, not from the chain.
      expect(await popup.getByRole('button', { name: 'Refresh from the chain' }).isDisabled()).toBe(true);
      expect(await rows.first().innerText()).toContain('12,500 ALEX');
      await popup.getByRole('button', { name: 'Refresh from the chain' }).and(popup.locator(':enabled')).waitFor({ timeout: 20_000 });
      await popup.close();
    } finally {
      j.rpc.forEach((proxy) => proxy.setLatency(0));
    }
  });

  test('coming back after a transfer shows the change since the last look', async () => {
    // The last popup closed: what it showed is now "last look". Holder 2 sends holder 1 1,250 ALEX.
    const rpcUrl = j.devnet.chains[0].rpcUrl;
    await createTestClient({ mode: 'anvil', transport: http(rpcUrl) }).impersonateAccount({ address: DEVNET_HOLDERS.holder2.address });
    const wallet = createWalletClient({ account: DEVNET_HOLDERS.holder2.address, transport: http(rpcUrl) });
    const hash = await wallet.writeContract({
      chain: null,
      address: DEVNET_A.creatorToken,
      abi: parseAbi(['function transfer(address,uint256) returns (bool)']),
      functionName: 'transfer',
      args: [holder1, 1_250n * 10n ** 18n],
    });
    expect(hash).toMatch(/^0x/);

    const popup = await j.browser.openPopup();
    const alexRow = popup.locator('[data-testid=holding-row]', { hasText: 'Alex Masmej' });
    await expect.poll(() => alexRow.innerText().then((t) => t.replace(/\s+/g, ' '))).toContain('13,750 ALEX');
    expect(await alexRow.innerText()).toContain('+10.00%');
    await j.browser.screenshot(popup, 'popup-change-since-last-look');
    await popup.close();
  });

  test('a chain that stops answering is labelled stale and keeps its last values', async () => {
    const popup = await j.browser.openPopup();
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByLabel(/^Devnet A/).fill('http://127.0.0.1:9');
    await popup.getByRole('button', { name: 'Save RPC endpoints for Devnet A' }).click();
    await popup.getByText('Saved 1 endpoint.').waitFor();
    await j.browser.screenshot(popup, 'popup-settings');
    await popup.getByRole('button', { name: 'Back to holdings' }).click();
    await popup.getByRole('button', { name: 'Refresh from the chain' }).click();
    await expect.poll(() => text(popup, 'data-age'), { timeout: 20_000 }).toMatch(/^Stale · As of block \d+/);
    expect(await text(popup, 'data-age')).toContain('Could not reach Devnet A');
    expect(await popup.locator('[data-testid=holding-row]', { hasText: 'Alex Masmej' }).innerText()).toContain('13,750 ALEX');
    await j.browser.screenshot(popup, 'popup-stale');

    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByLabel(/^Devnet A/).fill('');
    await popup.getByRole('button', { name: 'Save RPC endpoints for Devnet A' }).click();
    await popup.getByText('Using the defaults.').waitFor();
    await popup.getByRole('button', { name: 'Back to holdings' }).click();
    await popup.getByRole('button', { name: 'Refresh from the chain' }).click();
    await expect.poll(() => text(popup, 'data-age'), { timeout: 20_000 }).toMatch(/^As of block \d+/);
    await popup.close();
  });
});
