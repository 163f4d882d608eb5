import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicClient, createTestClient, http } from 'viem';
import type { Page } from 'playwright-core';
import { erc20Abi } from '@/lib/chain/abis';
import { DEVNET_A } from '@/lib/chain/devnet';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { DEVNET_INCOME } from '../devnet/incomePlan';
import { startJourneys, type WalletJourneys } from './fixtures';
import { connectWalletAndFollow, openPopupFor, openSite, text, waitForBadge } from './popup';

// Journey 3 in Chromium with the test wallet: every round of Alex's income in its state, and a
// one-click claim whose tokens arrive on chain while the popup shows the round as claimed.
let j: WalletJourneys;
let tabId: number;
const holder = DEVNET_HOLDERS.holder1.address;
const { q1, q2, partner } = DEVNET_INCOME.rounds;

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
  const site = await openSite(j, `${j.server.origins.alex}/`);
  tabId = site.tabId;
  await waitForBadge(j, tabId, '✓');
});
afterAll(() => j?.stop());

async function openIncome(): Promise<Page> {
  const popup = await openPopupFor(j, tabId);
  await popup.getByRole('button', { name: 'Votes and details for Alex Masmej' }).click();
  await popup.getByTestId('round').first().waitFor();
  return popup;
}

const round = (popup: Page, id: string) => popup.locator(`[data-testid=round][data-round="${id}"]`);
const balanceOf = (token: `0x${string}`) =>
  createPublicClient({ transport: http(j.devnet.chains[0].rpcUrl) }).readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [holder],
  });
const alexBalance = () => balanceOf(DEVNET_A.creatorToken);

/** What Chromium does to an idle or updated service worker; the next event starts a new one. */
async function stopCompanionWorker(page: Page): Promise<void> {
  const cdp = await j.browser.context.newCDPSession(page);
  const ours = `chrome-extension://${j.browser.extensionId}/`;
  const seen: string[] = [];
  let versionId: string | undefined;
  let markStopped: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const running = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        seen.push(`${v.versionId} ${v.scriptURL} ${v.runningStatus}`);
        if (!v.scriptURL.startsWith(ours)) continue;
        if (v.runningStatus === 'running' && !versionId) resolve((versionId = v.versionId));
        if (v.versionId === versionId && v.runningStatus === 'stopped') markStopped();
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopWorker', { versionId: await running });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tooLong = new Promise(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`The worker did not stop: ${seen.join('; ')}`)), 10_000)),
  );
  await Promise.race([stopped, tooLong]).finally(() => clearTimeout(timer));
  await cdp.detach();
}

describe('pending income', () => {
  test('connect the wallet and follow Alex', async () => {
    expect(await connectWalletAndFollow(j, tabId, 'Alex Masmej')).toBe('0x7099…79C8');
  });

  test('every round shows its state: claimable, already claimed, paid in a partner token', async () => {
    const popup = await openIncome();
    expect(await round(popup, q1.id).getAttribute('data-status')).toBe('claimable');
    expect(await round(popup, q1.id).innerText()).toContain('1,250 ALEX');
    expect(await round(popup, q2.id).innerText()).toContain('Claimed · 1,500 ALEX');
    expect(await round(popup, partner.id).innerText()).toMatch(/paid in PRTNR[\s\S]*500 PRTNR/);
    expect(await text(popup, 'claimable-total')).toBe('Claimable now: 1,250 ALEX · $375.00');
    await round(popup, q1.id).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await j.browser.screenshot(popup, 'popup-income');
    await popup.close();
  });

  test('cancelling the claim in the wallet sends nothing', async () => {
    await j.browser.wallet.setMode('reject');
    try {
      const popup = await openIncome();
      await round(popup, partner.id)
        .getByRole('button', { name: `Claim ${partner.title}` })
        .click();
      await expect
        .poll(() => round(popup, partner.id).getByTestId('transaction-status').innerText())
        .toBe('You cancelled in your wallet. Nothing was sent.');
      expect(await round(popup, partner.id).getAttribute('data-status')).toBe('claimable');
      await popup.close();
    } finally {
      await j.browser.wallet.setMode('approve');
    }
  });

  test('the worker stops while the wallet is open; the claim confirmed there shows confirmed when the popup opens again', async () => {
    await j.browser.wallet.setMode('manual');
    try {
      const before = await balanceOf(DEVNET_INCOME.partnerToken.address);
      const popup = await openIncome();
      await round(popup, partner.id)
        .getByRole('button', { name: `Claim ${partner.title}` })
        .click();
      const prompt = await j.browser.wallet.waitForPending('eth_sendTransaction');
      await stopCompanionWorker(popup);
      await popup.close();
      await j.browser.wallet.approve(prompt.id);
      await expect.poll(() => balanceOf(DEVNET_INCOME.partnerToken.address)).toBe(before + 500n * 10n ** 18n);

      const reopened = await openIncome();
      const status = round(reopened, partner.id).getByTestId('transaction-status');
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('confirmed');
      // With its hash when the recent-block search finds the transaction; without it when only the
      // round's isClaimed shows it (seen when anvil's block times lag the record's creation time).
      expect(await status.innerText()).toMatch(/^Confirmed on chain( · 0x[0-9a-f]{8}…)?$/);
      await expect.poll(() => round(reopened, partner.id).getAttribute('data-status'), { timeout: 30_000 }).toBe('claimed');
      await reopened.close();
    } finally {
      await j.browser.wallet.setMode('approve');
    }
  });

  test('liquidity: LP in the wallet and staked, what it is made of, rewards earned, the snapshot estimate', async () => {
    // A day of staking: anvil's clock only moves with blocks.
    const anvil = createTestClient({ mode: 'anvil', transport: http(j.devnet.chains[0].rpcUrl) });
    await anvil.increaseTime({ seconds: 86_400 });
    await anvil.mine({ blocks: 1 });
    const popup = await openIncome();
    const position = popup.getByTestId('lp-position');
    await position.waitFor();
    // 100 LP in the wallet + 50 staked of the pool's 10,000: 1.5% of 1,000,000 ALEX and 100 ETH.
    expect(await text(popup, 'lp-amounts')).toBe('100 in wallet · 50 staked');
    expect(await text(popup, 'lp-underlying')).toBe('15,000 ALEX + 1.5 ETH');
    // 60,000 ALEX over 60 days, a quarter of the staked LP: about 250 ALEX a day.
    await expect.poll(() => text(popup, 'lp-earned')).toMatch(/^2[45]\d(\.\d+)? ALEX$/);
    expect(await text(popup, 'program-estimate')).toMatch(/ ALEX$/);
    await position.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await j.browser.screenshot(popup, 'popup-liquidity');
    await popup.close();
  });

  test('one click collects staking rewards: ALEX arrives', async () => {
    const before = await alexBalance();
    const popup = await openIncome();
    await popup.getByRole('button', { name: 'Collect ALEX staking rewards' }).click();
    const status = popup.getByTestId('lp-position').getByTestId('transaction-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('confirmed');
    expect(await alexBalance()).toBeGreaterThan(before);
    await popup.close();
  });

  test('one click claims a round: the tokens arrive and the round shows claimed', async () => {
    const before = await alexBalance();
    const popup = await openIncome();
    await round(popup, q1.id)
      .getByRole('button', { name: `Claim ${q1.title}` })
      .click();
    await expect
      .poll(() => round(popup, q1.id).getByTestId('transaction-status').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('confirmed');
    expect(await alexBalance()).toBe(before + 1_250n * 10n ** 18n);
    await expect.poll(() => round(popup, q1.id).getAttribute('data-status'), { timeout: 30_000 }).toBe('claimed');
    await round(popup, q1.id).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await j.browser.screenshot(popup, 'popup-income-claimed');
    await popup.close();
  });
});
