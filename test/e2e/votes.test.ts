import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import snapshot from '@snapshot-labs/snapshot.js';
import { DEVNET_A } from '@/lib/chain/devnet';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { seedHub, SEEDED, type SeededHub } from '../demo-server/hub/seed';
import { startJourneys, type WalletJourneys } from './fixtures';
import { connectWalletAndFollow, openPopupFor, openSite, waitForBadge } from './popup';

// Journey 5 in Chromium: connect the test wallet (MetaMask's protocol, anvil account 1) from the
// popup, see voting power at the snapshot block, sign in one click, survive the popup closing,
// cancel calmly, and re-check a 300-vote tally with a forged vote in it.
let j: WalletJourneys;
let seeded: SeededHub;
let tabId: number;
const holder = DEVNET_HOLDERS.holder1.address;

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
  seeded = await seedHub(j.server.hub, { rpcUrl: j.devnet.chains[0].rpcUrl, multicall3: DEVNET_A.multicall3 });
  const site = await openSite(j, `${j.server.origins.alex}/`);
  tabId = site.tabId;
  await waitForBadge(j, tabId, '✓');
});
afterAll(() => j?.stop());

const hubVote = (proposalId: string) => j.server.hub.store.voteOf(proposalId, holder);

async function openVotes(): Promise<Page> {
  const popup = await openPopupFor(j, tabId);
  await popup.getByRole('button', { name: 'Votes and details for Alex Masmej' }).click();
  await popup.getByTestId('proposal').first().waitFor();
  return popup;
}

const card = (popup: Page, title: string) => popup.getByTestId('proposal').filter({ hasText: title });

describe('votes from the popup', () => {
  test('connect the wallet and follow Alex', async () => {
    expect(await connectWalletAndFollow(j, tabId, 'Alex Masmej')).toBe('0x7099…79C8');
  });

  test('each open proposal shows the voting power at its snapshot block first, LP included', async () => {
    const popup = await openVotes();
    const learn = card(popup, SEEDED.learnNext.title);
    await expect.poll(() => learn.getByTestId('voting-power').innerText()).toBe(
      // 12,500 ALEX in the wallet + 100 of the pool's 10,000 LP, i.e. 1% of its 1,000,000 ALEX.
      `You held 22,500 ALEX at block ${seeded.snapshotBlock.toLocaleString('en-US')} (10,000 in liquidity).`,
    );
    await j.browser.screenshot(popup, 'popup-votes');
    await popup.close();
  });

  test('one click signs a Snapshot vote; the hub records it and snapshot.js verifies it', async () => {
    const popup = await openVotes();
    const learn = card(popup, SEEDED.learnNext.title);
    await learn.getByRole('radio', { name: 'Solidity' }).check();
    await learn.getByRole('button', { name: `Sign your vote on ${SEEDED.learnNext.title}` }).click();
    await expect.poll(() => learn.getByTestId('vote-receipt').getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
    expect(await learn.getByTestId('vote-receipt').innerText()).toMatch(/^Vote recorded · Solidity · receipt 0x/);
    const recorded = hubVote(SEEDED.learnNext.id)!;
    expect(recorded.choice).toBe(3);
    const envelope = recorded.envelope as { address: string; sig: string; data: unknown };
    expect(await snapshot.utils.verify(envelope.address, envelope.sig, envelope.data as never)).toBe(true);
    await j.browser.screenshot(popup, 'popup-vote-recorded');
    await popup.close();
  });

  test('the popup closes while the wallet is open; the vote still goes through', async () => {
    await j.browser.wallet.setMode('manual');
    try {
      const popup = await openVotes();
      const learn = card(popup, SEEDED.learnNext.title);
      await learn.getByRole('radio', { name: 'Piano' }).check();
      await learn.getByRole('button', { name: `Sign your vote on ${SEEDED.learnNext.title}` }).click();
      const prompt = await j.browser.wallet.waitForPending('eth_signTypedData_v4');
      await popup.close(); // what MetaMask's window does to the popup
      await j.browser.wallet.approve(prompt.id);
      await expect.poll(() => hubVote(SEEDED.learnNext.id)?.choice, { timeout: 20_000 }).toBe(1);

      const reopened = await openVotes();
      await expect.poll(() => card(reopened, SEEDED.learnNext.title).getByTestId('vote-receipt').innerText()).toMatch(/^Vote recorded · Piano/);
      await reopened.close();
    } finally {
      await j.browser.wallet.setMode('approve');
    }
  });

  test('rejecting in the wallet is a calm "cancelled": nothing is sent', async () => {
    await j.browser.wallet.setMode('reject');
    try {
      const popup = await openVotes();
      const learn = card(popup, SEEDED.learnNext.title);
      await learn.getByRole('radio', { name: 'Spanish' }).check();
      await learn.getByRole('button', { name: `Sign your vote on ${SEEDED.learnNext.title}` }).click();
      await expect.poll(() => learn.getByTestId('vote-receipt').innerText()).toBe('You cancelled in your wallet. Nothing was sent.');
      expect(await popup.getByRole('alert').count()).toBe(0);
      expect(hubVote(SEEDED.learnNext.id)?.choice).toBe(1); // still Piano
      await learn.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await j.browser.screenshot(popup, 'popup-vote-cancelled');
      await popup.close();
    } finally {
      await j.browser.wallet.setMode('approve');
    }
  });

  test('the hub fails (HTTP 500): the card says so, the vote is re-sent on its own, and "Retry now" sends the same signature', async () => {
    j.server.hub.msgFailure = { status: 500, remaining: Infinity };
    const posts = () => j.server.hub.msgPosts.slice(before);
    const before = j.server.hub.msgPosts.length;
    try {
      const popup = await openVotes();
      const learn = card(popup, SEEDED.learnNext.title);
      await learn.getByRole('radio', { name: 'Surfing' }).check();
      await learn.getByRole('button', { name: `Sign your vote on ${SEEDED.learnNext.title}` }).click();
      const receipt = learn.getByTestId('vote-receipt');
      await expect.poll(() => receipt.innerText(), { timeout: 20_000 }).toContain('Signed, but the vote hub has not taken it yet');
      expect(await learn.getByTestId('vote-error').innerText()).toMatch(/^The vote hub failed \(HTTP 500: the demo hub was told to fail\)\. Your signed vote is kept/);
      expect(await learn.getByRole('button', { name: `Sign your vote on ${SEEDED.learnNext.title}` }).innerText()).toBe('Sending your vote…');
      await learn.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await j.browser.screenshot(popup, 'popup-vote-hub-failed');
      // Re-sent on its own after 2 s and 5 s more; the next pause is 15 s, time enough to heal and click.
      await expect.poll(() => posts().length, { timeout: 20_000 }).toBe(3);
      j.server.hub.msgFailure = null;
      await receipt.getByRole('button', { name: 'Retry now' }).click();
      await expect.poll(() => receipt.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
      expect(await receipt.innerText()).toMatch(/^Vote recorded · Surfing · receipt 0x/);
      expect(posts().map((p) => p.status)).toEqual([500, 500, 500, 200]);
      expect(new Set(posts().map((p) => p.sig)).size).toBe(1); // one signature, never a new one
      expect(hubVote(SEEDED.learnNext.id)?.choice).toBe(4);
      await popup.close();
    } finally {
      j.server.hub.msgFailure = null;
    }
  });

  test('a weighted vote is signed and counted the Snapshot way', async () => {
    const popup = await openVotes();
    const split = card(popup, SEEDED.splitWeek.title);
    await split.getByLabel('Weight for Building').fill('3');
    await split.getByLabel('Weight for Running').fill('1');
    await split.getByRole('button', { name: `Sign your vote on ${SEEDED.splitWeek.title}` }).click();
    await expect.poll(() => split.getByTestId('vote-receipt').getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
    expect(hubVote(SEEDED.splitWeek.id)?.choice).toEqual({ '1': 3, '4': 1 });
    await popup.close();
  });

  test('the closed proposal re-tallies locally: 300 verified, the forged vote flagged', async () => {
    const popup = await openVotes();
    const habit = card(popup, SEEDED.habit.title);
    await habit.getByRole('button', { name: `Re-check the tally of ${SEEDED.habit.title}` }).click();
    const tally = habit.getByTestId('tally');
    await tally.waitFor({ timeout: 60_000 });
    expect(await tally.innerText()).toMatch(/Verified 300 of 301 votes/);
    expect(await tally.innerText()).toContain('1 invalid vote not counted');
    expect(await tally.innerText()).toContain(seeded.forgedVoter.slice(0, 10));
    await habit.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await j.browser.screenshot(popup, 'popup-tally');
    await popup.close();
  });
});
