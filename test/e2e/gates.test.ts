import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { hexToString, type Hex } from 'viem';
import { parseSiweMessage } from '@/lib/gates/core/siwe';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { ALEX_GATES } from '../demo-server/gates/alexGates';
import { FAKE_WALLET, HOSTILE_CODE_CONTENT, HOSTILE_CREATOR_PATH, HOSTILE_GATES, firedProbes } from '../demo-server/gates/hostileCreator';
import { DEVNET_A } from '@/lib/chain/devnet';
import { ANVIL_ACCOUNTS } from '../devnet/accounts';
import { createPublicClient, createWalletClient, http, parseAbi, parseUnits } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buttonStyle, clickInShadow, gateHost, hostStyle, readShadowHosts, waitForShadow, type ShadowHost } from './closedShadow';
import { startJourneys, type WalletJourneys } from './fixtures';
import type { InWorker } from './harness/browser';
import { connectWalletAndFollow, openPopupFor, openSite } from './popup';
import { TEST_WALLET_NAME } from '../wallet-extension/identity';

// Journey 6: holder-only content on Alex's site, unlocked with one signature from the page's
// wallet (the test wallet, announced through EIP-6963), checked by the demo server with the
// independent `siwe` package and an on-chain balance, shown in the extension's page frames.

let j: WalletJourneys;
const holder1 = DEVNET_HOLDERS.holder1.address;
const UNLOCK = 'Unlock with your wallet';

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
});
afterAll(() => j?.stop());
beforeEach(async () => {
  await j.browser.wallet.reset();
  j.server.resetGateAttempts();
});

async function openAlex(): Promise<Page> {
  const page = await j.browser.context.newPage();
  await page.goto(`${j.server.origins.alex}/`);
  await waitForShadow(page, (hosts) => hosts.filter((h) => h.name === 'ptc-gate' && h.text).length === 4, "Alex's four gates");
  return page;
}

const gateText = (hosts: ShadowHost[], gateId: string) => gateHost(hosts, gateId)?.text ?? '';

async function signedMessages(): Promise<{ origin: string; message: string }[]> {
  return (await j.browser.wallet.log())
    .filter((entry) => entry.method === 'personal_sign')
    .map((entry) => ({ origin: entry.origin, message: hexToString(entry.params[0] as Hex) }));
}

describe("gated content on Alex's site", () => {
  test('rejecting in the wallet is a calm "cancelled"; nothing reaches the site', async () => {
    await j.browser.wallet.setMode('reject');
    const page = await openAlex();
    await clickInShadow(page, { gateId: ALEX_GATES.monthlyNotes.id }, UNLOCK);
    const hosts = await waitForShadow(page, (h) => gateText(h, ALEX_GATES.monthlyNotes.id).includes('cancelled'), 'the cancellation');
    expect(gateText(hosts, ALEX_GATES.monthlyNotes.id)).toContain('You cancelled in your wallet. Nothing was signed or unlocked.');
    expect(gateText(hosts, ALEX_GATES.monthlyNotes.id)).toContain(UNLOCK); // still there, to try again
    expect(j.server.gateAttempts()).toEqual([]);
    await page.close();
  });

  test('one click and one signature unlock the post in place; a reload keeps it without signing', async () => {
    const page = await openAlex();
    const before = await readShadowHosts(page);
    expect(gateText(before, ALEX_GATES.monthlyNotes.id)).toContain('Hold 1 ALEX');
    await page
      .locator(`[data-personal-token-gate="${ALEX_GATES.monthlyNotes.id}"]`)
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await j.browser.screenshot(page, 'site-gates-locked');

    await clickInShadow(page, { gateId: ALEX_GATES.monthlyNotes.id }, UNLOCK);
    const after = await waitForShadow(
      page,
      (hosts) => gateText(hosts, ALEX_GATES.monthlyNotes.id).includes(ALEX_GATES.monthlyNotes.visibleText),
      'the unlocked post',
    );
    expect(gateText(after, ALEX_GATES.monthlyNotes.id)).toContain('Unlocked');

    const signed = await signedMessages();
    expect(signed).toHaveLength(1);
    expect(signed[0]!.origin).toBe(j.server.origins.alex);
    const siwe = parseSiweMessage(signed[0]!.message);
    expect(siwe).toMatchObject({
      domain: 'localhost:4101',
      uri: j.server.origins.alex,
      address: holder1,
      chainId: 31337,
      requestId: ALEX_GATES.monthlyNotes.id,
    });
    expect(j.server.gateAttempts()).toEqual([
      expect.objectContaining({ gate: ALEX_GATES.monthlyNotes.id, outcome: 'unlocked', address: holder1 }),
    ]);
    await j.browser.screenshot(page, 'site-gate-unlocked');

    await page.reload();
    await waitForShadow(
      page,
      (hosts) => gateText(hosts, ALEX_GATES.monthlyNotes.id).includes(ALEX_GATES.monthlyNotes.visibleText),
      'the post after a reload',
    );
    expect(await signedMessages()).toHaveLength(1); // no new signature
    expect(j.server.gateAttempts()).toHaveLength(1);
    await page.close();
  });
});

describe('a single-page site and quick clicks', () => {
  test('after history.pushState the declaration stays: Unlock still works', async () => {
    const page = await openAlex();
    const tabId = await j.browser.tabIdOf(page);
    await page.evaluate(() => history.pushState({}, '', '/posts/spa-route'));
    await new Promise((r) => setTimeout(r, 1_500)); // Chrome reports the pushState as 'loading'
    expect(await j.browser.badgeText(tabId)).toBe('✓');
    // Unlocked by the test above: lock it again (a page request too), then unlock it.
    await clickInShadow(page, { gateId: ALEX_GATES.monthlyNotes.id }, 'Lock again');
    await waitForShadow(page, (h) => gateText(h, ALEX_GATES.monthlyNotes.id).includes(UNLOCK), 'the post locked again');
    await clickInShadow(page, { gateId: ALEX_GATES.monthlyNotes.id }, UNLOCK);
    const hosts = await waitForShadow(
      page,
      (h) => gateText(h, ALEX_GATES.monthlyNotes.id).includes(ALEX_GATES.monthlyNotes.visibleText),
      'the unlocked post',
    );
    expect(gateText(hosts, ALEX_GATES.monthlyNotes.id)).not.toContain('has not declared');
    await page.close();
  });

  test('two quick Unlock clicks with one wallet: no wallet choice, both unlock', async () => {
    const page = await openAlex();
    await clickInShadow(page, { gateId: ALEX_GATES.holdersChat.id }, UNLOCK);
    await clickInShadow(page, { gateId: ALEX_GATES.merchDiscount.id }, UNLOCK);
    const hosts = await waitForShadow(
      page,
      (h) =>
        gateText(h, ALEX_GATES.merchDiscount.id).includes(ALEX_GATES.merchDiscount.content) &&
        gateText(h, ALEX_GATES.holdersChat.id).includes('Unlocked'),
      'both gates unlocked',
    );
    for (const gateId of [ALEX_GATES.holdersChat.id, ALEX_GATES.merchDiscount.id])
      expect(gateText(hosts, gateId)).not.toContain('several wallets');
    expect(await signedMessages()).toHaveLength(2);
    // Leave them locked, as the next tests expect.
    for (const gateId of [ALEX_GATES.holdersChat.id, ALEX_GATES.merchDiscount.id]) {
      await clickInShadow(page, { gateId }, 'Lock again');
      await waitForShadow(page, (h) => gateText(h, gateId).includes(UNLOCK), 'the gate locked again');
    }
    await page.close();
  });
});

describe('gated blocks added after load', () => {
  test('a block a script renders later gets its unlock control too', async () => {
    const page = await openAlex();
    await page.evaluate((id) => {
      const block = document.createElement('article');
      block.setAttribute('data-personal-token-gate', id);
      block.innerHTML = '<h3>Rendered later</h3><p>As a single-page app would.</p>';
      document.body.append(block);
    }, ALEX_GATES.holdersChat.id);
    await waitForShadow(
      page,
      (hosts) => hosts.filter((h) => h.gateId === ALEX_GATES.holdersChat.id).length === 2,
      'a second holders-chat gate',
    );
    await page.close();
  });
});

describe('gate outcomes', () => {
  test('a link and a code unlock in place, each as what it is', async () => {
    const page = await openAlex();
    await clickInShadow(page, { gateId: ALEX_GATES.holdersChat.id }, UNLOCK);
    await waitForShadow(page, (h) => gateText(h, ALEX_GATES.holdersChat.id).includes('Unlocked'), 'the link');
    await clickInShadow(page, { gateId: ALEX_GATES.merchDiscount.id }, UNLOCK);
    const hosts = await waitForShadow(
      page,
      (h) => gateText(h, ALEX_GATES.merchDiscount.id).includes(ALEX_GATES.merchDiscount.content),
      'the code',
    );
    const link = gateHost(hosts, ALEX_GATES.holdersChat.id)!.elements.find((e) => e.tag === 'a')!;
    expect(link.attributes).toMatchObject({ href: ALEX_GATES.holdersChat.content, target: '_blank', rel: 'noopener noreferrer nofollow' });
    expect(gateHost(hosts, ALEX_GATES.merchDiscount.id)!.elements.find((e) => e.tag === 'code')).toBeDefined();
    await j.browser.screenshot(page, 'site-gates-link-code');

    // "Lock again" forgets it here: the teaser is back, and so is the need to sign.
    await clickInShadow(page, { gateId: ALEX_GATES.holdersChat.id }, 'Lock again');
    await waitForShadow(page, (h) => gateText(h, ALEX_GATES.holdersChat.id).includes(UNLOCK), 'the link locked again');
    expect(await page.locator(`[data-personal-token-gate="${ALEX_GATES.holdersChat.id}"] h3`).innerText()).toBe(
      ALEX_GATES.holdersChat.title,
    );
    await page.reload();
    const reloaded = await waitForShadow(
      page,
      (h) => gateText(h, ALEX_GATES.merchDiscount.id).includes(ALEX_GATES.merchDiscount.content),
      'the page again',
    );
    expect(gateText(reloaded, ALEX_GATES.holdersChat.id)).toContain(UNLOCK);
    await page.close();
  });

  test('too few tokens: "you need N, you hold M", and nothing is signed', async () => {
    const page = await openAlex();
    await clickInShadow(page, { gateId: ALEX_GATES.hourWithAlex.id }, UNLOCK);
    await waitForShadow(page, (h) => gateText(h, ALEX_GATES.hourWithAlex.id).includes('You need'), 'the refusal');
    const hosts = await readShadowHosts(page);
    expect(gateText(hosts, ALEX_GATES.hourWithAlex.id)).toContain('You need 25,000 ALEX to unlock this; 0x7099…79C8 holds 12,500 ALEX.');
    expect(await signedMessages()).toEqual([]);
    expect(j.server.gateAttempts()).toEqual([]);
    await page
      .locator(`[data-personal-token-gate="${ALEX_GATES.hourWithAlex.id}"]`)
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await j.browser.screenshot(page, 'site-gate-refused');
    await page.close();
  });

  test('an account without the token is refused before any signature', async () => {
    const empty = ANVIL_ACCOUNTS[9]!;
    await j.browser.wallet.setAccount(empty.privateKey);
    const page = await openAlex();
    await clickInShadow(page, { gateId: ALEX_GATES.hourWithAlex.id }, UNLOCK);
    await waitForShadow(page, (h) => gateText(h, ALEX_GATES.hourWithAlex.id).includes('You need'), 'the refusal');
    expect(gateText(await readShadowHosts(page), ALEX_GATES.hourWithAlex.id)).toContain(
      `You need 25,000 ALEX to unlock this; 0xa0Ee…9720 holds 0 ALEX.`,
    );
    expect(await signedMessages()).toEqual([]);
    expect(j.server.gateAttempts()).toEqual([]);
    await page.close();
  });

  test('when the balance falls under the threshold, the gate locks again with the reason', async () => {
    const page = await openAlex();
    if (!gateText(await readShadowHosts(page), ALEX_GATES.merchDiscount.id).includes('Unlocked')) {
      await clickInShadow(page, { gateId: ALEX_GATES.merchDiscount.id }, UNLOCK);
      await waitForShadow(page, (h) => gateText(h, ALEX_GATES.merchDiscount.id).includes(ALEX_GATES.merchDiscount.content), 'the code');
    }
    // Holder 1 sends all but 50 ALEX away, reloads, and gets them back afterwards.
    const moved = parseUnits('12450', 18);
    await transferAlex(DEVNET_HOLDERS.holder1.privateKey, ANVIL_ACCOUNTS[6]!.address, moved);
    try {
      await page.reload();
      const hosts = await waitForShadow(
        page,
        (h) => gateText(h, ALEX_GATES.merchDiscount.id).includes('Locked again'),
        'the gate locked again',
      );
      expect(gateText(hosts, ALEX_GATES.merchDiscount.id)).toContain(`Locked again: 0x7099…79C8 now holds 50 ALEX; this needs 100 ALEX.`);
      // 50 ALEX still clear the post's 1 ALEX: that one stays unlocked, without a signature.
      expect(gateText(hosts, ALEX_GATES.monthlyNotes.id)).toContain(ALEX_GATES.monthlyNotes.visibleText);
      expect(await signedMessages()).toEqual([]);
    } finally {
      await transferAlex(ANVIL_ACCOUNTS[6]!.privateKey, holder1, moved);
    }
    await page.close();
  });
});

async function transferAlex(fromKey: Hex, to: `0x${string}`, amount: bigint): Promise<void> {
  const transport = http(j.devnet.chains[0].rpcUrl);
  const wallet = createWalletClient({ account: privateKeyToAccount(fromKey), transport });
  const abi = parseAbi(['function transfer(address to, uint256 amount) returns (bool)']);
  const hash = await wallet.writeContract({
    address: DEVNET_A.creatorToken,
    abi,
    functionName: 'transfer',
    args: [to, amount],
    chain: null,
  });
  await createPublicClient({ transport }).waitForTransactionReceipt({ hash });
}

describe('a hostile creator site', () => {
  const hostileUrl = () => `${j.server.origins.other}${HOSTILE_CREATOR_PATH}`;

  async function openHostile(): Promise<Page> {
    const page = await j.browser.context.newPage();
    await page.goto(hostileUrl());
    await waitForShadow(page, (hosts) => hosts.filter((h) => h.name === 'ptc-gate' && h.text).length === 4, 'the hostile gates');
    return page;
  }

  test('spoofed window messages and synthetic clicks change nothing', async () => {
    const page = await openHostile();
    await page.waitForFunction(
      () => ((window as { __ptcHostileStats?: { spoofs: number; clicks: number } }).__ptcHostileStats?.clicks ?? 0) > 3,
    );
    const stats = await page.evaluate(() => (window as { __ptcHostileStats?: unknown }).__ptcHostileStats);
    expect(stats).toMatchObject({ spoofs: expect.any(Number), clicks: expect.any(Number) });
    expect(await j.browser.wallet.log()).toEqual([]);
    expect(j.server.gateAttempts()).toEqual([]);
    for (const host of await readShadowHosts(page)) expect(host.text).not.toContain('Unlocked');
    expect(await page.evaluate(() => (window as { __ptcFoundShadow?: unknown[] }).__ptcFoundShadow)).toEqual([]);
    await page.close();
  });

  test("the page's CSS does not reach the companion's UI, and the companion's CSS does not reach the page", async () => {
    const page = await openHostile();
    const gate = gateHost(await readShadowHosts(page), HOSTILE_GATES.post.id)!;
    expect(await buttonStyle(gate, UNLOCK, ['background-color', 'color', 'visibility'])).toEqual({
      'background-color': 'rgb(79, 70, 229)',
      color: 'rgb(255, 255, 255)',
      visibility: 'visible',
    });
    expect((await buttonStyle(gate, UNLOCK, ['font-family']))['font-family']).toMatch(/^system-ui/);
    expect(await hostStyle(gate, ['opacity'])).toEqual({ opacity: '1' });
    const leaked = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes('.ptc-') || rule.cssText.includes(':host')),
      ),
    );
    expect(leaked).toBe(false);
    await page.close();
  });

  test('a click that the page catches through a cover over the gate unlocks nothing (clickjacking)', async () => {
    const page = await openHostile();
    // A veil over everything that lets clicks through: the holder thinks they click the page's own button.
    await page.evaluate(() => {
      const veil = document.createElement('div');
      veil.id = 'veil';
      veil.textContent = 'Click anywhere to win';
      veil.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(255,255,255,0.97);pointer-events:none;font-size:40px';
      document.body.append(veil);
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    await clickInShadow(page, { gateId: HOSTILE_GATES.post.id }, UNLOCK, { covered: true });
    const hosts = await waitForShadow(page, (h) => gateText(h, HOSTILE_GATES.post.id).includes('Nothing was signed'), 'the refusal');
    expect(gateText(hosts, HOSTILE_GATES.post.id)).toContain('The page covered or faded this button when you clicked. Nothing was signed.');
    expect(await page.evaluate(() => (window as { __ptcFakeWalletCalls?: unknown[] }).__ptcFakeWalletCalls)).toEqual([]);
    expect(await j.browser.wallet.log()).toEqual([]);

    // Uncovered, the same button works (the holder is asked which wallet, as below).
    await page.evaluate(() => document.getElementById('veil')!.remove());
    await new Promise((resolve) => setTimeout(resolve, 800));
    await clickInShadow(page, { gateId: HOSTILE_GATES.post.id }, UNLOCK);
    const chooser = await waitForShadow(
      page,
      (h) => gateText(h, HOSTILE_GATES.post.id).includes('Which one is yours?'),
      'the wallet choice',
    );
    expect(gateText(chooser, HOSTILE_GATES.post.id)).not.toContain('Nothing was signed');
    await page.close();
  });

  test("the page's own fake wallet: the holder is asked which wallet signs, and the fake's signature is refused here", async () => {
    const page = await openHostile();
    await clickInShadow(page, { gateId: HOSTILE_GATES.post.id }, UNLOCK);
    const hosts = await waitForShadow(page, (h) => gateText(h, HOSTILE_GATES.post.id).includes('Which one is yours?'), 'the wallet choice');
    expect(gateHost(hosts, HOSTILE_GATES.post.id)!.buttons.map((b) => b.label)).toEqual([
      `Sign with ${TEST_WALLET_NAME}`,
      `Sign with ${FAKE_WALLET.name}`,
    ]);
    await j.browser.screenshot(page, 'site-hostile-wallet-choice');
    await clickInShadow(page, { gateId: HOSTILE_GATES.post.id }, `Sign with ${FAKE_WALLET.name}`);
    const refused = await waitForShadow(page, (h) => gateText(h, HOSTILE_GATES.post.id).includes('Nothing was sent'), 'the refusal');
    expect(gateText(refused, HOSTILE_GATES.post.id)).toContain(
      "The signature is not 0x0000…dEaD's signature of the proof the companion built. Nothing was sent.",
    );
    const fakeCalls = await page.evaluate(() => (window as { __ptcFakeWalletCalls?: { method: string }[] }).__ptcFakeWalletCalls ?? []);
    expect(fakeCalls.map((c) => c.method)).toEqual(['eth_requestAccounts', 'personal_sign']);
    expect(j.server.gateAttempts()).toEqual([]); // nothing reached any server
    expect(await j.browser.wallet.log()).toEqual([]); // and the real wallet was not bothered
    await page.close();
  });

  test('unlocked hostile HTML is shown sanitized; no payload ever runs', async () => {
    j.server.resetRequests();
    const page = await openHostile();
    await clickInShadow(page, { gateId: HOSTILE_GATES.post.id }, UNLOCK);
    // The fake wallet failed before, so nothing was remembered: the holder picks their own now.
    await waitForShadow(page, (h) => gateText(h, HOSTILE_GATES.post.id).includes('Which one is yours?'), 'the wallet choice');
    await clickInShadow(page, { gateId: HOSTILE_GATES.post.id }, `Sign with ${TEST_WALLET_NAME}`);
    const hosts = await waitForShadow(
      page,
      (h) => gateText(h, HOSTILE_GATES.post.id).includes(HOSTILE_GATES.post.visibleText),
      'the sanitized post',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // time for any payload to fire
    expect(firedProbes(j.server.requests(j.server.origins.other))).toEqual([]);
    expect(await page.evaluate(() => (window as { __ptcXss?: unknown }).__ptcXss)).toBeUndefined();
    const post = gateHost(hosts, HOSTILE_GATES.post.id)!;
    for (const el of post.elements) {
      expect(['script', 'iframe', 'object', 'embed', 'form', 'style', 'link', 'meta', 'base', 'svg', 'math']).not.toContain(el.tag);
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(name).not.toMatch(/^on|^style$|^srcdoc$|^formaction$/);
        if (name === 'href' || name === 'src') expect(value).toMatch(/^(https?:|mailto:)/);
      }
    }
    expect(await page.evaluate(() => (window as { __ptcFoundShadow?: unknown[] }).__ptcFoundShadow)).toEqual([]);
    // The page's own fake "MetaMask" was not asked this time: the holder picked the real wallet.
    expect(await page.evaluate(() => (window as { __ptcFakeWalletCalls?: unknown[] }).__ptcFakeWalletCalls)).toEqual([]);
    await j.browser.screenshot(page, 'site-hostile-sanitized');
    await page.close();
  });

  test('a javascript: link is refused and a code with markup shows as text (the wallet picked before is remembered)', async () => {
    j.server.resetRequests();
    const page = await openHostile();
    await clickInShadow(page, { gateId: HOSTILE_GATES.link.id }, UNLOCK);
    await waitForShadow(page, (h) => gateText(h, HOSTILE_GATES.link.id).includes('will not open'), 'the refused link');
    await clickInShadow(page, { gateId: HOSTILE_GATES.code.id }, UNLOCK);
    const hosts = await waitForShadow(page, (h) => gateText(h, HOSTILE_GATES.code.id).includes('Unlocked'), 'the code');
    const code = gateHost(hosts, HOSTILE_GATES.code.id)!;
    expect(code.text).toContain(HOSTILE_CODE_CONTENT);
    expect(code.elements.filter((e) => e.tag === 'img')).toEqual([]);
    expect(gateHost(hosts, HOSTILE_GATES.link.id)!.elements.filter((e) => e.tag === 'a')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(firedProbes(j.server.requests(j.server.origins.other))).toEqual([]);
    await page.close();
  });

  test("the proof is bound to the tab's origin even when the page claims Alex's domain, so Alex's server refuses it", async () => {
    const page = await openHostile();
    await clickInShadow(page, { gateId: HOSTILE_GATES.monthlyNotes.id }, UNLOCK);
    await waitForShadow(page, (h) => gateText(h, HOSTILE_GATES.monthlyNotes.id).includes('refused'), "Alex's refusal");
    const signed = await signedMessages();
    expect(signed).toHaveLength(1);
    expect(signed[0]!.origin).toBe(j.server.origins.other);
    expect(parseSiweMessage(signed[0]!.message)).toMatchObject({ domain: 'localhost:4103', uri: j.server.origins.other });
    expect(j.server.gateAttempts(j.server.origins.alex)).toEqual([
      expect.objectContaining({ gate: ALEX_GATES.monthlyNotes.id, outcome: 'refused', status: 401, siweDomain: 'localhost:4103' }),
    ]);
    expect(signed[0]!.message).not.toContain(FAKE_WALLET.account);
    await page.close();
  });
});

describe('the in-page companion', () => {
  const companion = (hosts: ShadowHost[]) => hosts.find((h) => h.name === 'ptc-companion');

  test('shows what the holder has of this creator, opens the popup, and stays hidden once dismissed', async () => {
    const { tabId } = await openSite(j, `${j.server.origins.alex}/`);
    await connectWalletAndFollow(j, tabId, 'Alex Masmej');
    const page = await openAlex();
    const hosts = await waitForShadow(page, (h) => companion(h)?.text.includes('12,500 ALEX') ?? false, 'the companion with the holding');
    expect(companion(hosts)!.text).toMatch(/Alex Masmej.*confirmed.*You hold 12,500 ALEX.*Income \d+ rounds? to claim/);
    expect(companion(hosts)!.text).toMatch(/Votes\s*(No proposal open now|1 proposal open|\d+ proposals open)/);
    await j.browser.screenshot(page, 'site-companion');

    // The popup itself where the browser can open it, else popup.html in a small window: either is a context of ours.
    const popupContexts = () =>
      j.browser.serviceWorker.evaluate(async () => {
        const { runtime } = (globalThis as unknown as InWorker).chrome;
        const contexts = await runtime.getContexts({});
        return contexts.filter((c) => c.documentUrl?.includes('/popup.html')).map((c) => c.documentUrl);
      });
    expect(await popupContexts()).toEqual([]);
    await clickInShadow(page, 'companion', 'Open the companion');
    await expect.poll(popupContexts, { timeout: 10_000 }).toHaveLength(1);
    for (const other of j.browser.context.pages()) if (other.url().includes('/popup.html')) await other.close();

    await clickInShadow(page, 'companion', 'Hide the companion on this site');
    await waitForShadow(page, (h) => !companion(h), 'the companion gone');
    await page.reload();
    await waitForShadow(page, (h) => h.filter((x) => x.name === 'ptc-gate' && x.text).length === 4, 'the gates after a reload');
    expect(companion(await readShadowHosts(page))).toBeUndefined();

    // Another creator's site still has its companion.
    const mike = await j.browser.context.newPage();
    await mike.goto(`${j.server.origins.mike}/`);
    await waitForShadow(mike, (h) => Boolean(companion(h)), "the companion on Mike's site");
    await mike.close();

    // The popup on Alex's site offers it back.
    const popup = await openPopupFor(j, await j.browser.tabIdOf(page));
    await popup.getByRole('button', { name: 'Show it again' }).click();
    await popup.getByText('The card shows again on this site from the next page load.').waitFor();
    await popup.close();
    await page.reload();
    await waitForShadow(page, (h) => Boolean(companion(h)), 'the companion shown again');
    await page.close();
  });

  test('nothing is injected into a page that declares no token', async () => {
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.other}/plain`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await readShadowHosts(page)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('ptc-gate, ptc-companion').length)).toBe(0);
    await page.close();
  });
});
