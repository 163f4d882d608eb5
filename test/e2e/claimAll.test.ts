import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeFunctionData, type Address, type Hex } from 'viem';
import type { Page } from 'playwright-core';
import { erc20Abi } from '@/lib/chain/abis';
import { DEVNET_A } from '@/lib/chain/devnet';
import { merkleDistributorAbi } from '@/lib/income/core';
import { ANVIL_ACCOUNTS } from '../devnet/accounts';
import { devnetClient } from '../devnet/client';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { DEVNET_INCOME } from '../devnet/incomePlan';
import { axeViolations, describeViolations } from './axe';
import { startJourneys, type WalletJourneys } from './fixtures';
import { connectWalletAndFollow, openPopupFor, openSite, text, waitForBadge } from './popup';

// Claim everything in Chromium with the test wallet, against Alex's three real MerkleDistributors
// on the devnet (Q1 and Q2 paying ALEX, the partner drop paying PRTNR), all waiting for holder 2.
// Between the summary and the signature someone else sends holder 2's Q1 claim (anyone may: it
// pays the account named in it). Two runs: a wallet without EIP-5792 (the companion sends one
// Multicall3 aggregate3 through eth_sendTransaction) and a wallet with it (one wallet_sendCalls batch).

const UNIT = 10n ** 18n;
const holder = DEVNET_HOLDERS.holder2.address;
const HOLDER2_KEY = ANVIL_ACCOUNTS[2].privateKey as Hex;
const { q1, q2, partner } = DEVNET_INCOME.rounds;

const RUNS = [
  { batching: false, method: 'eth_sendTransaction', shots: '' },
  { batching: true, method: 'wallet_sendCalls', shots: '-wallet-batch' },
] as const;

describe.each(RUNS)('claim everything, EIP-5792 batching $batching', ({ batching, method, shots }) => {
  let j: WalletJourneys;
  let tabId: number;
  const anvil = () => devnetClient(j.devnet.chains[0].rpcUrl);
  const balanceOf = (token: Address) => anvil().readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] });
  const balances = () => Promise.all([balanceOf(DEVNET_A.creatorToken), balanceOf(DEVNET_INCOME.partnerToken.address)]);

  /** Holder 3 sends holder 2's Q1 claim from the public claims file, straight to anvil. */
  async function someoneElseClaimsQ1(): Promise<void> {
    const entry = q1.claimsFile.claims[holder]!;
    const data = encodeFunctionData({
      abi: merkleDistributorAbi,
      functionName: 'claim',
      args: [BigInt(entry.index), holder, BigInt(entry.amount), entry.proof as Hex[]],
    });
    const hash = await anvil().sendTransaction({ account: DEVNET_HOLDERS.holder3.address, chain: null, to: q1.distributor, data });
    expect((await anvil().waitForTransactionReceipt({ hash })).status).toBe('success');
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      problems.push(...describeViolations(`${name} (${colorScheme})`, await axeViolations(page)));
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(problems).toEqual([]);
  }

  beforeAll(async () => {
    j = await startJourneys({ withTestWallet: true });
    await j.browser.wallet.setAccount(HOLDER2_KEY);
    await j.browser.wallet.setBatching(batching);
    const site = await openSite(j, `${j.server.origins.alex}/`);
    tabId = site.tabId;
    await waitForBadge(j, tabId, '✓');
  });
  afterAll(() => j?.stop());

  test('holder 2 connects and follows Alex', async () => {
    expect(await connectWalletAndFollow(j, tabId, 'Alex Masmej')).toBe('0x3C44…93BC');
  });

  test('the summary, then a round claimed by someone else before the signature: the rest land, the popup names it', async () => {
    const [alexAtStart, partnerAtStart] = await balances();
    const popup = await openPopupFor(j, tabId);
    const button = popup.getByTestId('claim-all-button');
    await button.waitFor();
    expect(await button.innerText()).toBe('Claim everything · 3 rounds');
    await button.click();

    // The summary: the total and each round (creator, round, amount), before anything is sent.
    const summary = popup.getByTestId('claim-all-summary');
    await summary.waitFor();
    expect(await text(popup, 'claim-all-total')).toBe(
      `You receive 55,000 ALEX and 5,000 PRTNR from 3 rounds, in one ${batching ? 'batch your wallet runs as a whole' : 'transaction (Multicall3)'}.`,
    );
    // Valued at the pool price like home's figures; PRTNR has no price here and is said to be left out.
    expect(await text(popup, 'claim-all-value')).toMatch(
      /^Worth about \$[\d,]+\.\d\d at the pools' prices now, not counting 1 round in a token with no price here\.$/,
    );
    const rows = await summary.getByTestId('claim-all-round').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      `Alex Masmej ${q1.title} 25,000 ALEX`,
      `Alex Masmej ${q2.title} 30,000 ALEX`,
      `Alex Masmej ${partner.title} 5,000 PRTNR`,
    ]);
    expect((await j.browser.wallet.log()).filter((r) => r.method === method)).toEqual([]);
    if (!batching) await j.browser.screenshot(popup, 'popup-claim-all-summary');
    await expectAccessible(popup, `claim-all-summary${shots}`);

    await j.browser.wallet.setMode('manual');
    try {
      if (batching) {
        // The wallet runs its batch as a whole (atomicRequired), so the companion, which simulates
        // again when the holder confirms, leaves the round claimed in between out of it.
        await someoneElseClaimsQ1();
        await popup.getByRole('button', { name: 'Claim 3 rounds' }).click();
      } else {
        // aggregate3 lets each round fail alone: the other claim lands while the wallet is open.
        await popup.getByRole('button', { name: 'Claim 3 rounds' }).click();
      }
      const prompt = await j.browser.wallet.waitForPending(method);
      if (!batching) await someoneElseClaimsQ1();
      const [alexBefore, partnerBefore] = await balances();
      expect(alexBefore - alexAtStart).toBe(25_000n * UNIT); // Q1, paid by the other sender
      await j.browser.wallet.approve(prompt.id);

      const outcome = popup.getByTestId('claim-all-outcome');
      await outcome.waitFor();
      await expect.poll(() => outcome.getByTestId('transaction-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('confirmed');
      const result = (id: string) => outcome.locator(`[data-testid=claim-all-result][data-round="${id}"]`);
      await result(q1.id)
        .waitFor({ timeout: 30_000 })
        .catch(async (e: unknown) => {
          throw new Error(`No outcome for ${q1.id}; the popup shows: ${await outcome.innerText()}`, { cause: e });
        });
      expect(await result(q1.id).getAttribute('data-result')).toBe('earlier');
      expect(await result(q1.id).innerText()).toMatch(/Income share Q1 2021\s+25,000 ALEX\s+Not paid by this transaction: already claimed/);
      expect(await result(q2.id).getAttribute('data-result')).toBe('this-transaction');
      expect(await result(q2.id).innerText()).toContain('Claimed by this transaction');
      expect(await result(partner.id).getAttribute('data-result')).toBe('this-transaction');

      // On chain: exactly Q2 and the partner drop arrived with this transaction; Q1 was not paid twice.
      const [alexAfter, partnerAfter] = await balances();
      expect(alexAfter - alexBefore).toBe(30_000n * UNIT);
      expect(partnerAfter - partnerBefore).toBe(5_000n * UNIT);
      expect(alexAfter - alexAtStart).toBe(55_000n * UNIT);
      expect(partnerAfter - partnerAtStart).toBe(5_000n * UNIT);
      const sent = (await j.browser.wallet.log()).filter((r) => r.method === 'eth_sendTransaction' || r.method === 'wallet_sendCalls');
      expect(sent.map((r) => [r.method, r.outcome])).toEqual([[method, 'approved']]);
      if (batching) {
        // Two calls in the batch: the round claimed in between was left out before the wallet opened.
        expect((sent[0]!.params[0] as { calls: { to: Address }[] }).calls.map((c) => c.to)).toEqual([q2.distributor, partner.distributor]);
      } else {
        expect((sent[0]!.params[0] as { to: Address }).to).toBe(DEVNET_A.multicall3);
      }

      await outcome.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      if (!batching) await j.browser.screenshot(popup, 'popup-claim-all-outcome');
      await expectAccessible(popup, `claim-all-outcome${shots}`);
    } finally {
      await j.browser.wallet.setMode('approve');
    }
    await popup.close();
  });

  test('the record stays: home offers no claim-all any more, the history opens the outcome again', async () => {
    const popup = await openPopupFor(j, tabId);
    const history = popup.getByTestId('claim-all-history-button');
    await history.waitFor();
    expect(await history.innerText()).toBe('Earlier claim-alls (1)');
    expect(await popup.getByTestId('claim-all-button').count()).toBe(0);
    await history.click();
    const record = popup.getByTestId('claim-all-record');
    await record.waitFor();
    expect(await record.getAttribute('data-status')).toBe('confirmed');
    expect(await record.innerText()).toContain(batching ? 'Claim 2 rounds' : 'Claim 3 rounds');
    await expectAccessible(popup, `claim-all-history${shots}`);
    await record.getByRole('button').click();
    const q1Result = popup.locator(`[data-testid=claim-all-result][data-round="${q1.id}"]`);
    await q1Result.waitFor({ timeout: 30_000 });
    expect(await q1Result.innerText()).toContain('already claimed');
    await popup.close();
  });
});
