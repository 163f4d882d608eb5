import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import snapshot from '@snapshot-labs/snapshot.js';
import { DEVNET_A } from '@/lib/chain/devnet';
import { formatTokenId } from '@/lib/protocol/caip19';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { RANK_TICKET, seedHub, SEEDED, type SeededHub } from '../demo-server/hub/seed';
import { startJourneys, type WalletJourneys } from './fixtures';
import { createPublicClient, http } from 'viem';
import type { browser } from 'wxt/browser';
import type { TallyView } from '@/lib/votes/contract';
import { createHubClient } from '@/lib/votes/core/hubClient';
import { verifyProposalTally } from '@/lib/votes/core/verifyTally';
import { MAX_TALLY_WORKERS, TALLY_WORKER_PORTS, TALLY_WORKERS_DOCUMENT, TALLY_WORKERS_PORT } from '@/lib/votes/tallyWorkersContract';
import { loadSecp256k1Node } from '../unit/secp256k1Node';
import { connectWalletAndFollow, openPopupFor, openSite, waitForBadge } from './popup';
import { stopServiceWorker } from './serviceWorker';

// Journey 5 in Chromium: connect the test wallet (MetaMask's protocol, anvil account 1) from the
// popup, see voting power at the snapshot block, sign in one click, survive the popup closing,
// cancel calmly, and re-check a 300-vote tally with a forged vote in it.
let j: WalletJourneys;
let seeded: SeededHub;
let tabId: number;
const holder = DEVNET_HOLDERS.holder1.address;

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
  // What the worker fetches, by URL (resource timings leave out chrome-extension:// files): the
  // tally test checks that the service worker left the WebAssembly libsecp256k1 to the workers.
  await j.browser.serviceWorker.evaluate(() => {
    const scope = globalThis as unknown as { fetch: typeof fetch; fetchedUrls: string[] };
    const original = scope.fetch.bind(scope);
    scope.fetchedUrls = [];
    scope.fetch = (input, init) => (scope.fetchedUrls.push(input instanceof Request ? input.url : String(input)), original(input, init));
  });
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
const receipt = (popup: Page, title: string, status: string) =>
  card(popup, title).locator(`[data-testid="vote-receipt"][data-status="${status}"]`);
const signButton = (popup: Page, title: string) => card(popup, title).getByRole('button', { name: `Sign your vote on ${title}` });
const signRequests = async () => (await j.browser.wallet.log()).filter((entry) => entry.method === 'eth_signTypedData_v4').length;

describe('votes from the popup', () => {
  test('connect the wallet and follow Alex', async () => {
    expect(await connectWalletAndFollow(j, tabId, 'Alex Masmej')).toBe('0x7099…79C8');
  });

  test('each open proposal shows the voting power at its snapshot block first, LP included', async () => {
    const popup = await openVotes();
    const learn = card(popup, SEEDED.learnNext.title);
    await expect
      .poll(() => learn.getByTestId('voting-power').innerText())
      .toBe(
        // 12,500 ALEX in the wallet + 100 of the pool's 10,000 LP, i.e. 1% of its 1,000,000 ALEX.
        `You held 22,500 ALEX at block ${seeded.snapshotBlock.toLocaleString('en-US')} (10,000 in liquidity).`,
      );
    // Where the figure comes from, and the hub's own vp (the same here: the space counts the token and pool only).
    await expect
      .poll(() => learn.getByTestId('power-basis').innerText())
      .toBe('Counted by this companion from ALEX in your wallet and in your share of the ALEX/ETH pool. The vote hub counts the same.');
    await j.browser.screenshot(popup, 'popup-votes');
    await popup.close();
  });

  test('one click signs a Snapshot vote; the hub records it and snapshot.js verifies it', async () => {
    const popup = await openVotes();
    const learn = card(popup, SEEDED.learnNext.title);
    await learn.getByRole('radio', { name: 'Solidity' }).check();
    await learn.getByLabel('Reason (optional, public with your vote)').fill('Solidity pays for the rest.');
    await learn.getByRole('button', { name: `Sign your vote on ${SEEDED.learnNext.title}` }).click();
    await expect.poll(() => learn.getByTestId('vote-receipt').getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
    expect(await learn.getByTestId('vote-receipt').innerText()).toMatch(
      /^Vote recorded · Solidity · receipt 0x.*\nReason: Solidity pays for the rest\.$/,
    );
    const recorded = hubVote(SEEDED.learnNext.id)!;
    expect(recorded.choice).toBe(3);
    expect(recorded.reason).toBe('Solidity pays for the rest.'); // signed in the message, as snapshot.js does
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
      await expect.poll(() => receipt(reopened, SEEDED.learnNext.title, 'submitted').innerText()).toMatch(/^Vote recorded · Piano/);
      await reopened.close();
    } finally {
      await j.browser.wallet.setMode('approve');
    }
  });

  test('rejecting in the wallet is a calm "cancelled": nothing is sent, the recorded vote still shows, the choice stays', async () => {
    await j.browser.wallet.setMode('reject');
    try {
      const popup = await openVotes();
      const learn = card(popup, SEEDED.learnNext.title);
      await learn.getByRole('radio', { name: 'Spanish' }).check();
      await learn.getByLabel('Reason (optional, public with your vote)').fill('Changed my mind.');
      await learn.getByRole('button', { name: `Sign your vote on ${SEEDED.learnNext.title}` }).click();
      await expect
        .poll(() => receipt(popup, SEEDED.learnNext.title, 'cancelled').innerText())
        .toBe('You cancelled in your wallet. Nothing was sent.\nYour earlier vote (Piano) still counts.');
      expect(await receipt(popup, SEEDED.learnNext.title, 'submitted').innerText()).toMatch(/^Vote recorded · Piano · receipt 0x/);
      expect(await popup.getByRole('alert').count()).toBe(0);
      expect(hubVote(SEEDED.learnNext.id)?.choice).toBe(1); // still Piano
      await learn.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await j.browser.screenshot(popup, 'popup-vote-cancelled');
      await popup.close();

      // Reopened (MetaMask's window closes the popup): the refused choice and reason are still there, one click from signing.
      const reopened = await openVotes();
      const again = card(reopened, SEEDED.learnNext.title);
      await expect.poll(() => again.getByRole('radio', { name: 'Spanish' }).isChecked()).toBe(true);
      expect(await again.getByLabel('Reason (optional, public with your vote)').inputValue()).toBe('Changed my mind.');
      expect(await signButton(reopened, SEEDED.learnNext.title).isEnabled()).toBe(true);
      expect(await receipt(reopened, SEEDED.learnNext.title, 'submitted').innerText()).toMatch(/^Vote recorded · Piano/);
      await reopened.close();
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
      // The vote recorded earlier stays on the card until this one is taken: the attempt comes last.
      const receipt = learn.getByTestId('vote-receipt').last();
      await expect.poll(() => receipt.innerText(), { timeout: 20_000 }).toContain('Signed, but the vote hub has not taken it yet');
      expect(await learn.getByTestId('vote-error').innerText()).toMatch(
        /^The vote hub failed \(HTTP 500: the demo hub was told to fail\)\. Your signed vote is kept/,
      );
      expect(await learn.getByRole('button', { name: `Sign your vote on ${SEEDED.learnNext.title}` }).innerText()).toBe(
        'Sending your vote…',
      );
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

  test('a ranking is signable as shown; the tally button counts the new vote; the hub’s different vp is shown beside ours', async () => {
    const popup = await openVotes();
    const rank = card(popup, SEEDED.rankVideos.title);
    await expect
      .poll(() => rank.getByRole('button', { name: tallyButton(SEEDED.rankVideos.title) }).innerText())
      .toBe('Re-check the tally (0 votes)');
    // The space also gives every voter 1,000 votes (a ticket strategy): the hub's vp is not the token's.
    await expect
      .poll(() => rank.getByTestId('power-basis').innerText())
      .toBe(
        `Counted by this companion from ALEX in your wallet and in your share of the ALEX/ETH pool. The vote hub counts ${(22_500 + RANK_TICKET).toLocaleString('en-US')} for you, this companion 22,500 ALEX: the space also counts other things (its strategies), and your vote weighs what the hub counts.`,
      );
    // Nothing moved: the ranking shown is the vote.
    expect(await rank.getByRole('listitem').allInnerTexts()).toEqual([
      'Studio tour\n↑',
      'A day of building\n↑',
      'Questions from holders\n↑',
    ]);
    expect(await signButton(popup, SEEDED.rankVideos.title).isEnabled()).toBe(true);
    await signButton(popup, SEEDED.rankVideos.title).click();
    await expect.poll(() => rank.getByTestId('vote-receipt').getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
    expect(hubVote(SEEDED.rankVideos.id)?.choice).toEqual([1, 2, 3]);
    await rank.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await j.browser.screenshot(popup, 'popup-vote-ranked');
    await expect
      .poll(() => rank.getByRole('button', { name: tallyButton(SEEDED.rankVideos.title) }).innerText())
      .toBe('Re-check the tally (1 vote)');
    await popup.close();
  });

  test('approval: ticked then unticked leaves "Sign vote" disabled', async () => {
    const popup = await openVotes();
    const cities = card(popup, SEEDED.cities.title);
    const sign = signButton(popup, SEEDED.cities.title);
    expect(await sign.isEnabled()).toBe(false);
    await cities.getByRole('checkbox', { name: 'Tokyo' }).check();
    expect(await sign.isEnabled()).toBe(true);
    await cities.getByRole('checkbox', { name: 'Tokyo' }).uncheck();
    expect(await sign.isEnabled()).toBe(false);
    expect(await cities.innerText()).not.toContain('You are signing');
    await popup.close();
  });

  test('a shielded proposal sends the holder to the hub’s own site; the wallet is never asked, even when asked directly', async () => {
    const popup = await openVotes();
    const collab = card(popup, SEEDED.collab.title);
    expect(await collab.getByTestId('shielded').innerText()).toBe(
      `Votes on this proposal stay hidden until it ends, which this companion cannot do, so it will not ask your wallet to sign one. Vote on the vote hub’s own site: ${new URL(j.server.origins.alex).host}.`,
    );
    expect(await collab.getByRole('link').getAttribute('href')).toBe(`${j.server.origins.alex}/hub`);
    expect(await collab.getByRole('radio').count()).toBe(0);
    expect(await collab.getByRole('button', { name: `Sign your vote on ${SEEDED.collab.title}` }).count()).toBe(0);
    await collab.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await j.browser.screenshot(popup, 'popup-vote-shielded');

    // The background refuses it too, before any wallet prompt.
    const before = await signRequests();
    const tokenId = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
    const answer = await popup.evaluate(
      (payload) => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } } }
        ).chrome.runtime;
        return runtime.sendMessage({ channel: 'companion-request', type: 'cast-vote', payload });
      },
      { tokenId, proposalId: SEEDED.collab.id, choice: 1 },
    );
    expect(answer).toEqual({
      ok: false,
      code: 'refused',
      error: `This proposal keeps votes hidden until it ends, which this companion cannot do. Vote on ${j.server.origins.alex}/hub instead.`,
    });
    expect(await signRequests()).toBe(before);
    expect(hubVote(SEEDED.collab.id)).toBeUndefined();
    await popup.close();
  });

  test('a re-tally checks the signatures on the offscreen document’s Web Workers, with the one-thread result', async () => {
    // What the offscreen document tells the service worker (its runtime port says it is ready; the
    // workers' MessagePorts carry the verdicts), seen from listeners of our own beside the pool's.
    await j.browser.serviceWorker.evaluate(
      ([portName, portsType]) => {
        type Said = { type: string; threads?: number; thread?: number; checked?: number };
        const scope = globalThis as unknown as { tallyPort: Said[]; addEventListener: typeof addEventListener };
        scope.tallyPort = [];
        const { chrome } = globalThis as unknown as { chrome: typeof browser };
        chrome.runtime.onConnect.addListener((port) => {
          if (port.name !== portName) return;
          port.onMessage.addListener((m: { type: string; threads?: number }) => scope.tallyPort.push({ type: m.type, threads: m.threads }));
        });
        scope.addEventListener('message', (event) => {
          const m = event.data as { type?: string; threads?: number };
          if (m?.type !== portsType) return;
          scope.tallyPort.push({ type: 'ports', threads: event.ports.length });
          for (const workerPort of event.ports) {
            workerPort.addEventListener('message', (answer) => {
              const a = answer.data as { type: string; thread?: number; checked?: unknown[] };
              scope.tallyPort.push({ type: a.type, thread: a.thread, checked: a.checked?.length });
            });
          }
        });
      },
      [TALLY_WORKERS_PORT, TALLY_WORKER_PORTS],
    );
    const popup = await openVotes();
    const tokenId = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
    const answer = await popup.evaluate(
      (payload) =>
        (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage<
          unknown,
          { ok: true; value: TallyView } | { ok: false; error: string }
        >(payload),
      { channel: 'companion-request', type: 'tally', payload: { tokenId, proposalId: SEEDED.habit.id } },
    );
    if (!answer.ok) throw new Error(answer.error);

    // The document is open (kept a while for the next tally), its workers said they were ready
    // (after compiling libsecp256k1) and checked every envelope; the service worker never needed
    // the WebAssembly itself, which it fetches only to check on its own thread.
    const contexts = await j.browser.serviceWorker.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: typeof browser };
      return chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
    });
    expect(contexts.map((c) => new URL(c.documentUrl ?? '').pathname)).toEqual([TALLY_WORKERS_DOCUMENT]);
    const said = await j.browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { tallyPort: { type: string; threads?: number; thread?: number; checked?: number }[] }).tallyPort,
    );
    const ready = said.filter((m) => m.type === 'ready');
    expect(ready).toHaveLength(1);
    const cores = await popup.evaluate(() => navigator.hardwareConcurrency);
    expect(ready[0]!.threads).toBe(Math.min(MAX_TALLY_WORKERS, cores));
    expect(said.filter((m) => m.type === 'ports').map((m) => m.threads)).toEqual([ready[0]!.threads]);
    const batches = said.filter((m) => m.type === 'checked');
    expect(batches.reduce((sum, m) => sum + (m.checked ?? 0), 0)).toBe(301);
    expect(new Set(batches.map((m) => m.thread)).size).toBe(Math.min(ready[0]!.threads!, batches.length));
    expect(said.filter((m) => m.type === 'failed')).toEqual([]);
    const fetched = await j.browser.serviceWorker.evaluate(() => (globalThis as unknown as { fetchedUrls: string[] }).fetchedUrls);
    expect(fetched).not.toContain('/secp256k1.wasm');

    // The same tally on one thread, here in Node with the same checks: the same result.
    const oneThread = await verifyProposalTally({
      hub: createHubClient(`${j.server.origins.alex}/hub`),
      client: createPublicClient({ transport: http(j.devnet.chains[0].rpcUrl) }),
      chainId: DEVNET_A.chainId,
      power: j.server.hub.powerSource,
      space: 'alex.eth',
      proposalId: SEEDED.habit.id,
      recover: await loadSecp256k1Node(),
    });
    expect(answer.value).toMatchObject({
      scores: oneThread.scores.map(String),
      scoresTotal: oneThread.scoresTotal.toString(),
      verified: oneThread.verified,
      total: oneThread.total,
      invalid: oneThread.invalid,
      hubDisagrees: oneThread.hubDisagrees,
      signaturesChecked: true,
    });
    expect(answer.value.verified).toBe(300);
    await popup.close();
  });

  test('the closed proposal re-tallies locally: 300 verified, the forged vote flagged', async () => {
    const popup = await openVotes();
    const habit = card(popup, SEEDED.habit.title);
    await habit.getByRole('button', { name: tallyButton(SEEDED.habit.title) }).click();
    const tally = habit.getByTestId('tally');
    await tally.waitFor({ timeout: 60_000 });
    expect(await tally.innerText()).toMatch(/Verified 300 of 301 votes/);
    expect(await tally.innerText()).toContain('1 invalid vote not counted');
    expect(await tally.innerText()).toContain(seeded.forgedVoter.slice(0, 10));
    await habit.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await j.browser.screenshot(popup, 'popup-tally');
    await popup.close();
  });

  // Last: it stops the service worker.
  test('the tally workers’ document closes itself when the service worker that opened it stops', async () => {
    const page = await j.browser.context.newPage();
    await page.goto(`chrome-extension://${j.browser.extensionId}/manifest.json`);
    expect(await offscreenDocuments(page)).toEqual([TALLY_WORKERS_DOCUMENT]); // kept a minute after the tally above
    await stopServiceWorker(j.browser);
    await expect.poll(() => offscreenDocuments(page), { timeout: 15_000 }).toEqual([]);
    await page.close();
  });
});

/** The extension's offscreen documents, as one of its pages sees them (the service worker may be stopped). */
async function offscreenDocuments(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
    return contexts.map((c) => new URL(c.documentUrl ?? '').pathname);
  });
}

/** The "Re-check the tally (N votes): <title>" button's accessible name: its visible text, then the proposal. */
function tallyButton(title: string): RegExp {
  return new RegExp(`^Re-check the tally \\([\\d,]+ votes?\\): ${escapeRegExp(title)}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
