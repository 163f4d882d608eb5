import type { Page } from 'playwright-core';
import type { Journeys } from './fixtures';

/** Opens a creator page in a new tab, waits for the badge, and returns the page and its tab id. */
export async function openSite(j: Journeys, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await j.browser.context.newPage();
  await page.goto(url);
  const tabId = await j.browser.tabIdOf(page);
  return { page, tabId };
}

export async function waitForBadge(j: Journeys, tabId: number, expected: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await j.browser.badgeText(tabId);
    if (text === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`badge of tab ${tabId} is "${text}", expected "${expected}"`);
}

/** The popup as the holder sees it for a given tab; waits until the refresh finished. */
export async function openPopupFor(j: Journeys, tabId: number): Promise<Page> {
  const popup = await j.browser.openPopup(tabId);
  await popup.getByRole('button', { name: 'Refresh from the chain' }).and(popup.locator(':enabled')).waitFor();
  return popup;
}

export async function watchAddress(popup: Page, address: string): Promise<void> {
  await popup.getByLabel('Address to watch').fill(address);
  await popup.getByRole('button', { name: /^(Watch|Update)$/ }).click();
  await popup.getByTestId('account').waitFor();
}

export async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().innerText()).replace(/\s+/g, ' ').trim();
}

/** From the popup on `tabId`: connect the test wallet (holder 1) and follow the page's creator. */
export async function connectWalletAndFollow(j: Journeys, tabId: number, creator: string): Promise<string> {
  const popup = await openPopupFor(j, tabId);
  await popup.getByRole('button', { name: 'Connect wallet' }).click();
  await popup.getByTestId('account').waitFor();
  const account = await text(popup, 'account');
  await popup.getByRole('button', { name: `Follow ${creator}` }).click();
  await popup
    .getByRole('button', { name: `Unfollow ${creator}` })
    .first()
    .waitFor();
  await popup.close();
  return account;
}
