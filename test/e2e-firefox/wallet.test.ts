import { createPublicClient, http } from 'viem';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { erc20Abi } from '@/lib/chain/abis';
import { DEVNET_A } from '@/lib/chain/devnet';
import snapshot from '@snapshot-labs/snapshot.js';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { DEVNET_INCOME } from '../devnet/incomePlan';
import { ALEX_GATES } from '../demo-server/gates/alexGates';
import { seedHub, SEEDED } from '../demo-server/hub/seed';
import { startFirefoxJourneys, type FirefoxJourneys } from './fixtures';
import { clickButton, extensionFrame, frameText, testIdText, until } from './firefox';

// Journeys 3, 5 and 6 in Firefox ESR, signing for real: the test wallet is installed as a Firefox
// add-on (gecko id test-wallet@personal-token.dev, which the Firefox devnet build connects to as
// release builds connect to MetaMask's webextension@metamask.io) and announces itself to pages
// through EIP-6963. Claim and vote go popup → background → wallet add-on; the gate goes through
// the page's wallet. The chain, the vote hub and the gate server check what was signed.
let j: FirefoxJourneys;
let tabId: number;
const holder = DEVNET_HOLDERS.holder1.address;
const alexUrl = () => `${j.server.origins.alex}/`;

beforeAll(async () => {
  j = await startFirefoxJourneys({ withTestWallet: true });
  await seedHub(j.server.hub, { rpcUrl: j.devnet.chains[0].rpcUrl, multicall3: DEVNET_A.multicall3 });
  await j.firefox.openPage(alexUrl());
  tabId = await j.firefox.tabIdOf(alexUrl());
  await until(() => j.firefox.badgeText(tabId), '✓');
});
afterAll(() => j?.stop());

async function openDetails(): Promise<Page> {
  const popup = await j.firefox.openPopup(tabId);
  await clickButton(popup, 'Votes and details for Alex Masmej');
  await popup.waitForSelector('[data-testid=round]', { timeout: 20_000 });
  return popup;
}

const inRound = (popup: Page, id: string, sel: string) =>
  popup
    .$eval(`[data-testid=round][data-round="${id}"] ${sel}`.trim(), (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
    .catch(() => '');
const roundStatus = (popup: Page, id: string) =>
  popup.$eval(`[data-testid=round][data-round="${id}"]`, (el) => el.getAttribute('data-status')).catch(() => null);
const alexBalance = () =>
  createPublicClient({ transport: http(j.devnet.chains[0].rpcUrl) }).readContract({
    address: DEVNET_A.creatorToken,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [holder],
  });

describe('signing journeys in Firefox', () => {
  test('connect the wallet add-on from the popup and follow Alex', async () => {
    const popup = await j.firefox.openPopup(tabId);
    await clickButton(popup, 'Connect wallet');
    expect(
      await until(
        () => testIdText(popup, 'account'),
        (t) => t.length > 0,
      ),
    ).toBe('0x7099…79C8');
    await clickButton(popup, 'Follow Alex Masmej');
    await popup.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) =>
        (b.getAttribute('aria-label') ?? b.textContent)?.includes('Unfollow Alex Masmej'),
      ),
    );
    await popup.close();
  });

  test('one click claims a round: the ALEX arrive on chain and the round shows claimed', async () => {
    const { q1 } = DEVNET_INCOME.rounds;
    const before = await alexBalance();
    const popup = await openDetails();
    expect(await roundStatus(popup, q1.id)).toBe('claimable');
    await clickButton(popup, `Claim ${q1.title}`);
    await until(alexBalance, (b) => b === before + 1_250n * 10n ** 18n, 30_000);
    await until(() => roundStatus(popup, q1.id), 'claimed', 30_000);
    expect(await inRound(popup, q1.id, '')).toContain('1,250 ALEX');
    await j.firefox.screenshot(popup, 'popup-income-claimed');
    await popup.close();
  });

  test('one click signs a Snapshot vote; the hub records it and snapshot.js verifies it', async () => {
    const popup = await openDetails();
    const title = SEEDED.learnNext.title;
    await popup.waitForSelector('[data-testid=proposal]');
    const cardSel = await popup.evaluateHandle(
      (t) => [...document.querySelectorAll('[data-testid=proposal]')].find((c) => (c as HTMLElement).innerText.includes(t))!,
      title,
    );
    const solidity = await cardSel.asElement()!.$('::-p-aria(Solidity)');
    await solidity!.click();
    await clickButton(popup, `Sign your vote on ${title}`);
    await until(
      () =>
        popup.evaluate(
          (t) =>
            [...document.querySelectorAll('[data-testid=proposal]')]
              .find((c) => (c as HTMLElement).innerText.includes(t))
              ?.querySelector('[data-testid=vote-receipt]')
              ?.getAttribute('data-status') ?? null,
          title,
        ),
      'submitted',
      20_000,
    );
    const recorded = j.server.hub.store.voteOf(SEEDED.learnNext.id, holder)!;
    expect(recorded.choice).toBe(3);
    const envelope = recorded.envelope as { address: string; sig: string; data: unknown };
    expect(await snapshot.utils.verify(envelope.address, envelope.sig, envelope.data as never)).toBe(true);
    await j.firefox.screenshot(popup, 'popup-vote-recorded');
    await popup.close();
  });

  test("one click and one signature from the page's wallet unlock Alex's post in place", async () => {
    const page = await j.firefox.openPage(alexUrl());
    const gate = await until(
      () => extensionFrame(page, `gate=${ALEX_GATES.monthlyNotes.id}`),
      (f) => f !== null,
    );
    const frame = gate!;
    await until(
      () => frameText(frame),
      (t) => t.includes('Unlock with your wallet'),
    );
    const button = await frame.waitForSelector('::-p-text(Unlock with your wallet)');
    await button!.click();
    await until(
      () => frameText(frame),
      (t) => t.includes(ALEX_GATES.monthlyNotes.visibleText),
      30_000,
    );
    expect(await frameText(frame)).toContain('Unlocked');
    expect(j.server.gateAttempts()).toEqual([
      expect.objectContaining({ gate: ALEX_GATES.monthlyNotes.id, outcome: 'unlocked', address: holder }),
    ]);
    await page.evaluate(
      (id) => document.querySelector(`[data-personal-token-gate="${id}"]`)?.scrollIntoView({ block: 'start' }),
      ALEX_GATES.monthlyNotes.id,
    );
    await j.firefox.screenshot(page, 'site-gate-unlocked');
    await page.close();
  });
});
