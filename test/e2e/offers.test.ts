import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { erc20Abi, hexToString, type Hex } from 'viem';
import { DEVNET_A } from '@/lib/chain/devnet';
import { parseSiweMessage } from '@/lib/gates/core/siwe';
import { devnetClient } from '../devnet/client';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { ALEX_OFFERS, ALEX_RECIPIENT } from '../demo-server/offers/alexOffers';
import { axeViolations, describeViolations } from './axe';
import { startJourneys, type WalletJourneys } from './fixtures';
import { connectWalletAndFollow, openPopupFor, openSite, waitForBadge } from './popup';

// Redeeming Alex's offer in Chromium: the popup's Offers panel, the test wallet signing the
// booking proof in Alex's page (EIP-6963) and sending the transfer, Alex's endpoint checking the
// Transfer on anvil and answering the booking reference the popup then shows.

let j: WalletJourneys;
let tabId: number;
const holder1 = DEVNET_HOLDERS.holder1.address; // the test wallet's account: 12,500 ALEX
const hour = ALEX_OFFERS.hour;

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
  const site = await openSite(j, `${j.server.origins.alex}/`);
  tabId = site.tabId;
  await waitForBadge(j, tabId, '✓');
  await connectWalletAndFollow(j, tabId, 'Alex Masmej');
});
afterAll(() => j?.stop());

const balanceOf = (who: `0x${string}`) =>
  devnetClient(j.devnet.chains[0].rpcUrl).readContract({
    address: DEVNET_A.creatorToken,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [who],
  });

async function openOffers(): Promise<Page> {
  const popup = await openPopupFor(j, tabId);
  await popup.getByRole('button', { name: 'Votes and details for Alex Masmej' }).click();
  await popup.getByRole('heading', { name: 'Offers' }).waitFor();
  return popup;
}

const offer = (popup: Page) => popup.locator(`[data-testid=offer][data-offer="${hour.id}"]`);
const signatures = async () => (await j.browser.wallet.log()).filter((e) => e.method === 'personal_sign');

describe("Alex's offer", () => {
  test('the panel lists the offer with its price and says the page must stay open', async () => {
    const popup = await openOffers();
    expect(await offer(popup).innerText()).toMatch(/An hour of Alex's time[\s\S]*25,000 ALEX[\s\S]*Redeem/);
    // Beside the token price, what it is worth now in the holder's currency (USD by default).
    expect(await offer(popup).getByTestId('offer-worth').innerText()).toMatch(/^≈ \$[\d,]+\.\d\d$/);
    expect(await popup.getByTestId('offers-note').innerText()).toContain('keep that page open in this tab');
    await popup.close();
  });

  test('refused when the balance is too low, before anything is signed', async () => {
    const popup = await openOffers();
    await offer(popup)
      .getByRole('button', { name: `Redeem ${hour.title}` })
      .click();
    await expect
      .poll(() => offer(popup).getByRole('alert').innerText())
      .toBe('You need 25,000 ALEX for this; 0x7099…79C8 holds 12,500 ALEX.');
    expect(await signatures()).toEqual([]);
    expect(j.server.bookings()).toEqual([]);
    expect(await popup.getByTestId('redemption').count()).toBe(0);
    await popup.close();
  });

  test('redeemed: the test wallet signs the proof in the page and pays; the booking reference shows; the endpoint saw one booking', async () => {
    // Holder 2 tops holder 1 up to 32,500 ALEX (anvil sends for its unlocked accounts).
    const anvil = devnetClient(j.devnet.chains[0].rpcUrl);
    const topUp = await anvil.writeContract({
      account: DEVNET_HOLDERS.holder2.address,
      chain: null,
      address: DEVNET_A.creatorToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [holder1, 20_000n * 10n ** 18n],
    });
    await anvil.waitForTransactionReceipt({ hash: topUp });
    const alexBefore = await balanceOf(ALEX_RECIPIENT);
    const logBefore = (await j.browser.wallet.log()).length;

    const popup = await openOffers();
    await offer(popup)
      .getByRole('button', { name: `Redeem ${hour.title}` })
      .click();
    const reference = popup.getByTestId('booking-reference');
    await reference.waitFor({ timeout: 60_000 });
    const bookings = j.server.bookings();
    expect(bookings).toEqual([expect.objectContaining({ offer: hour.id, address: holder1, outcome: 'booked', status: 200 })]);
    expect(await reference.innerText()).toBe(`Booked · ${bookings[0]!.reference}`);
    expect(await popup.getByTestId('redemption').getAttribute('data-status')).toBe('booked');
    expect(await balanceOf(ALEX_RECIPIENT)).toBe(alexBefore + hour.price);
    expect(await balanceOf(holder1)).toBe(7_500n * 10n ** 18n);

    // The proof was signed in Alex's page, bound to his origin, for this offer, before the payment.
    const log = (await j.browser.wallet.log()).slice(logBefore);
    const signed = log.filter((e) => e.method === 'personal_sign');
    expect(signed).toHaveLength(1);
    expect(signed[0]!.origin).toBe(j.server.origins.alex);
    expect(parseSiweMessage(hexToString(signed[0]!.params[0] as Hex))).toMatchObject({
      domain: new URL(j.server.origins.alex).host,
      address: holder1,
      requestId: hour.id,
    });
    const order = log.map((e) => e.method).filter((m) => m === 'personal_sign' || m === 'eth_sendTransaction');
    expect(order).toEqual(['personal_sign', 'eth_sendTransaction']);

    await popup.getByRole('heading', { name: 'Offers' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await j.browser.screenshot(popup, 'popup-offer-redeemed');
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      problems.push(...describeViolations(`offers (${colorScheme})`, await axeViolations(popup)));
    }
    expect(problems).toEqual([]);
    await popup.close();
  });
});
