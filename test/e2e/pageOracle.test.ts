import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ALEX_GATES } from '../demo-server/gates/alexGates';
import { HOSTILE_CREATOR_PATH, HOSTILE_GATES } from '../demo-server/gates/hostileCreator';
import { clickInShadow, gateHost, waitForShadow } from './closedShadow';
import { startJourneys, type WalletJourneys } from './fixtures';
import { connectWalletAndFollow, openSite } from './popup';

// "The page reads what we show it": a page's own script can search the rendered text of its
// document with `window.find`, closed shadow roots included, and recover our figures character by
// character. What the page must not read (the holding, its value, unlocked content) is rendered in
// an extension-origin frame, which the page's `window.find` does not search. This runs the oracle
// exactly as an attacking page would, from the page's main world.

let j: WalletJourneys;

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
  const { page, tabId } = await openSite(j, `${j.server.origins.alex}/`);
  await connectWalletAndFollow(j, tabId, 'Alex Masmej');
  await page.close();
});
afterAll(() => j?.stop());

interface Seed {
  text: string;
  grow: 'left' | 'right';
  charset: string;
}

interface OracleResult {
  /** Per seed: the longest string grown from it that `window.find` confirmed, or null. */
  recovered: Record<string, string | null>;
  /** Direct guesses, found or not. */
  guesses: Record<string, boolean>;
}

/** The attack, in the page's main world: grow each seed one character at a time while `find` says yes. */
function runOracle(page: Page, seeds: Seed[], guesses: string[]): Promise<OracleResult> {
  return page.evaluate(
    ({ seeds, guesses }) => {
      const find = (text: string): boolean => {
        getSelection()?.removeAllRanges();
        // (string, caseSensitive, backwards, wrapAround, wholeWord, searchInFrames, showDialog)
        const hit = (window as unknown as { find(...args: unknown[]): boolean }).find(text, true, false, true, false, true, false);
        getSelection()?.removeAllRanges();
        return hit;
      };
      const recovered: Record<string, string | null> = {};
      for (const seed of seeds) {
        if (!find(seed.text)) {
          recovered[seed.text] = null;
          continue;
        }
        let known = seed.text;
        for (let grown = true; grown && known.length < 64;) {
          grown = false;
          for (const c of seed.charset) {
            const candidate = seed.grow === 'left' ? c + known : known + c;
            if (find(candidate)) {
              known = candidate;
              grown = true;
              break;
            }
          }
        }
        recovered[seed.text] = known;
      }
      return { recovered, guesses: Object.fromEntries(guesses.map((g) => [g, find(g)])) };
    },
    { seeds, guesses },
  );
}

const DIGITS = '0123456789,. ';
/** Text of the hostile page's own: the oracle's control. */
const CONTROL = HOSTILE_GATES.post.teaser;

describe("the page's window.find oracle", () => {
  test("a page that merely declares $ALEX learns nothing of the holder's holding from the companion card", async () => {
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.other}${HOSTILE_CREATOR_PATH}`);
    // The card is there, with the figures (read through the DevTools protocol, as the holder sees it).
    await waitForShadow(
      page,
      (hosts) => hosts.some((h) => h.name === 'ptc-companion' && h.text.includes('12,500 ALEX') && h.text.includes('$3,750.00')),
      'the card with its figures',
    );

    const result = await runOracle(
      page,
      [
        { text: ' ALEX', grow: 'left', charset: DIGITS },
        { text: '$', grow: 'right', charset: DIGITS },
      ],
      ['12,500', '12,500 ALEX', '$3,750.00', '3,750', CONTROL],
    );
    for (const found of Object.values(result.recovered)) {
      expect(found ?? '').not.toContain('500');
      expect(found ?? '').not.toContain('3,750');
    }
    // The oracle works: it finds the page's own text.
    expect(result.guesses).toEqual({ '12,500': false, '12,500 ALEX': false, '$3,750.00': false, '3,750': false, [CONTROL]: true });
    await page.close();
  });

  test('an unlocked code cannot be read by the page it is shown in', async () => {
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.alex}/`);
    const code = ALEX_GATES.merchDiscount;
    await waitForShadow(page, (hosts) => /Unlock with your wallet|Unlocked/.test(gateHost(hosts, code.id)?.text ?? ''), 'the merch gate');
    await clickInShadow(page, { gateId: code.id }, 'Unlock with your wallet');
    await waitForShadow(page, (hosts) => gateHost(hosts, code.id)?.text.includes(code.content) ?? false, 'the unlocked code');

    const result = await runOracle(
      page,
      [{ text: 'ALEX-', grow: 'right', charset: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-' }],
      [code.content, 'HOLDER-20', ALEX_GATES.hourWithAlex.teaser],
    );
    expect(result.recovered['ALEX-'] ?? '').not.toContain('HOLDER');
    // The control: a locked gate's teaser, the page's own text (the unlocked gate's teaser stepped aside).
    expect(result.guesses).toEqual({ [code.content]: false, 'HOLDER-20': false, [ALEX_GATES.hourWithAlex.teaser]: true });
    await page.close();
  });
});

describe('the page frame embedded by a page on its own', () => {
  const frameUrl = (what: string) => `chrome-extension://${j.browser.extensionId}/page-frame.html#${what}`;
  const frameText = async (page: Page, what: string, nested = false) => {
    const frame = page.frames().find((f) => f.url() === frameUrl(what) && (f.parentFrame() !== page.mainFrame()) === nested);
    if (!frame) throw new Error(`no frame ${what}`);
    await frame.locator('#root').waitFor({ state: 'attached' });
    return frame.evaluate(() => document.body.innerText.trim());
  };

  test('on a page that declares nothing it shows nothing; inside some other frame of a declaring page, neither', async () => {
    const plain = await j.browser.context.newPage();
    await plain.goto(`${j.server.origins.other}/plain`);
    await plain.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, frameUrl('card'));
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // the card's figures would be in by now
    expect(await frameText(plain, 'card')).toBe('');
    await plain.close();

    // The hostile page declares $ALEX; a frame of its own (as an ad would be) embeds ours.
    const hostile = await j.browser.context.newPage();
    await hostile.goto(`${j.server.origins.other}${HOSTILE_CREATOR_PATH}`);
    await waitForShadow(
      hostile,
      (hosts) => hosts.some((h) => h.name === 'ptc-companion' && h.text.includes('12,500 ALEX')),
      'the card in its place',
    );
    await hostile.evaluate((src) => {
      const outer = document.createElement('iframe');
      outer.srcdoc = `<iframe src="${src}"></iframe>`;
      document.body.append(outer);
    }, frameUrl('card'));
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await frameText(hostile, 'card', true)).toBe('');
    await hostile.close();
  });
});
