import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEVNET_A } from '@/lib/chain/devnet';
import { seedHub } from '../demo-server/hub/seed';
import { ALEX_GATES } from '../demo-server/gates/alexGates';
import { FAKE_WALLET, HOSTILE_CREATOR_PATH, HOSTILE_GATES } from '../demo-server/gates/hostileCreator';
import { axeViolations, describeViolations } from './axe';
import { clickInShadow, gateHost, waitForShadow, waitUntilSeen, type ShadowHost } from './closedShadow';
import { startJourneys, type WalletJourneys } from './fixtures';
import { POPUP_VIEWPORT } from './harness/browser';
import { connectWalletAndFollow, openPopupFor, openSite, waitForBadge } from './popup';

// axe-core over every popup view and the in-page UI (the page frames that show the gates and the
// companion card), in light and dark: zero violations, no rule turned off. Then keyboard-only
// journeys and the popup at 200% zoom.
let j: WalletJourneys;
let tabId: number;

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
  await seedHub(j.server.hub, { rpcUrl: j.devnet.chains[0].rpcUrl, multicall3: DEVNET_A.multicall3 });
  const site = await openSite(j, `${j.server.origins.alex}/`);
  tabId = site.tabId;
  await waitForBadge(j, tabId, '✓');
});
afterAll(() => j?.stop());

const SCHEMES = ['light', 'dark'] as const;

/** axe in both colour schemes; saves a screenshot of each as `a11y-<name>-<scheme>`. */
async function expectAccessible(page: Page, name: string, frames?: () => Frame[], alsoRules: string[] = []): Promise<void> {
  const problems: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await j.browser.screenshot(page, `a11y-${name}-${colorScheme}`);
    const targets = frames ? frames() : [page];
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets)
      problems.push(
        ...describeViolations(`${name} (${colorScheme})`, await axeViolations(target, { embedded: Boolean(frames), alsoRules })),
      );
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(problems).toEqual([]);
}

const extensionFrames = (page: Page) => () =>
  page.frames().filter((f) => f.url().startsWith(`chrome-extension://${j.browser.extensionId}/page-frame.html`));

describe('popup views', () => {
  test('home with nothing followed', async () => {
    const popup = await j.browser.openPopup();
    await popup.getByRole('button', { name: 'Refresh from the chain' }).waitFor();
    await expectAccessible(popup, 'home-empty');
    await popup.close();
  });

  test("the site card on Alex's site, before an account", async () => {
    const popup = await openPopupFor(j, tabId);
    await popup.getByTestId('site-card').getByRole('heading', { name: 'Alex Masmej' }).waitFor();
    await expectAccessible(popup, 'site-card');
    await popup.close();
  });

  test('the site card with the wallet connected and Alex followed', async () => {
    await connectWalletAndFollow(j, tabId, 'Alex Masmej');
    const popup = await openPopupFor(j, tabId);
    await popup.getByTestId('balance').first().waitFor();
    await expectAccessible(popup, 'site-card-following');
    await popup.close();
  });

  test('the creator view: holdings, income, liquidity and votes', async () => {
    const popup = await openPopupFor(j, tabId);
    await popup.getByRole('button', { name: 'Votes and details for Alex Masmej' }).click();
    await popup.getByTestId('round').first().waitFor();
    await popup.getByTestId('proposal').first().waitFor();
    await popup.getByTestId('lp-position').waitFor();
    await expectAccessible(popup, 'creator');
    await popup.close();
  });

  test('settings', async () => {
    const popup = await j.browser.openPopup();
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByRole('heading', { name: 'Settings' }).waitFor();
    await expectAccessible(popup, 'settings');
    await popup.getByRole('button', { name: 'Clear all data…' }).click();
    await expectAccessible(popup, 'settings-confirm-clear');
    await popup.close();
  });

  test('the tally buttons: the accessible name holds the visible text (label-content-name-mismatch)', async () => {
    const popup = await openPopupFor(j, tabId);
    await popup.getByRole('button', { name: 'Votes and details for Alex Masmej' }).click();
    const tally = popup.getByRole('button', { name: /^Re-check the tally \([\d,]+ votes?\): / });
    await tally.first().waitFor();
    expect(await tally.count()).toBeGreaterThan(0);
    await expectAccessible(popup, 'creator-name-in-label', undefined, ['label-content-name-mismatch']);
    await popup.close();
  });

  test('home with Alex followed', async () => {
    const popup = await j.browser.openPopup();
    await popup.getByTestId('holding-row').first().waitFor();
    // Checked once the first refresh is over, so the view is the one a holder reads.
    await popup.getByRole('button', { name: 'Refresh from the chain' }).and(popup.locator(':enabled')).waitFor();
    await expectAccessible(popup, 'home-following');
    await popup.close();
  });

  test('claim everything: the summary before signing (the outcome and history: claimAll.test.ts)', async () => {
    const popup = await j.browser.openPopup();
    await popup.getByTestId('claim-all-button').click();
    await popup.getByTestId('claim-all-summary').waitFor();
    await expectAccessible(popup, 'claim-all-summary');
    await popup.close();
  });
});

describe('in-page UI (the extension frames in the creator page)', () => {
  const companion = (hosts: ShadowHost[]) => hosts.find((h) => h.name === 'ptc-companion');

  test('the locked gates and the companion card', async () => {
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.alex}/`);
    await waitForShadow(
      page,
      (h) => h.filter((x) => x.name === 'ptc-gate' && x.text).length === 4 && Boolean(companion(h)?.text.includes('12,500 ALEX')),
      'the gates and the companion',
    );
    await expectAccessible(page, 'site-gates', extensionFrames(page));
    await page.close();
  });

  test("a page that announces several wallets: the choice buttons, each wallet's rdns beside it", async () => {
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.other}${HOSTILE_CREATOR_PATH}`);
    await waitForShadow(page, (h) => h.filter((x) => x.name === 'ptc-gate' && x.text).length === 4, 'the hostile gates');
    await clickInShadow(page, { gateId: HOSTILE_GATES.post.id }, 'Unlock with your wallet');
    const hosts = await waitForShadow(
      page,
      (h) => (gateHost(h, HOSTILE_GATES.post.id)?.text ?? '').includes('Which one is yours?'),
      'the wallet choice',
    );
    const gate = gateHost(hosts, HOSTILE_GATES.post.id)!;
    const described = await gate.frame.evaluate(() =>
      [...document.querySelectorAll('button[aria-describedby]')].map(
        (b) => `${b.textContent?.trim()} (${document.getElementById(b.getAttribute('aria-describedby')!)?.textContent})`,
      ),
    );
    expect(described).toContain(`Sign with ${FAKE_WALLET.name} (${FAKE_WALLET.rdns})`);
    await expectAccessible(page, 'site-wallet-choice', extensionFrames(page), ['label-content-name-mismatch']);
    await page.close();
  });

  test('an unlocked link gate', async () => {
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.alex}/`);
    await waitForShadow(page, (h) => h.filter((x) => x.name === 'ptc-gate' && x.text).length === 4, 'the gates');
    await clickInShadow(page, { gateId: ALEX_GATES.monthlyNotes.id }, 'Unlock with your wallet');
    await waitForShadow(page, (h) => (gateHost(h, ALEX_GATES.monthlyNotes.id)?.text ?? '').includes('Unlocked'), 'the unlocked post');
    await expectAccessible(page, 'site-gate-unlocked', extensionFrames(page));
    await page.close();
  });
});

/** A focused element's ring as the holder sees it: an outline (or a box shadow) wide enough to see. */
type FocusStop = { key: string; name: string; ring: boolean };

/**
 * Presses Tab through the whole page (twice the number of its controls) and returns each stop.
 * A radio group is one stop (arrow keys move inside it), as browsers do.
 */
async function tabThrough(page: Page): Promise<{ controls: string[]; stops: FocusStop[] }> {
  const controls = await page.evaluate(() => {
    const keys = new Set<string>();
    document
      .querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled), textarea:not(:disabled), select:not(:disabled), a[href]')
      .forEach((el, i) => {
        if (!el.checkVisibility()) return;
        const key = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : `control:${i}`;
        el.dataset.a11yKey = key;
        keys.add(key);
      });
    return [...keys];
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: FocusStop[] = [];
  for (let i = 0; i < controls.length * 2 + 2; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
      return {
        key: el.dataset.a11yKey ?? `unlisted:${el.tagName}`,
        name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
        ring,
      };
    });
    if (stop) stops.push(stop);
  }
  return { controls, stops };
}

async function expectEveryControlByTab(page: Page, name: string): Promise<void> {
  const { controls, stops } = await tabThrough(page);
  expect(controls.length).toBeGreaterThan(0);
  const reached = new Set(stops.map((s) => s.key));
  expect(
    controls.filter((key) => !reached.has(key)),
    `${name}: controls Tab never reaches`,
  ).toEqual([]);
  expect(
    stops.filter((s) => !s.ring).map((s) => s.name),
    `${name}: focused without a visible ring`,
  ).toEqual([]);
}

/** Tab until the focused element has this accessible name (aria-label or text); fails after 60 stops. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('keyboard only', () => {
  test('every control of every popup view is reached with Tab and shows a focus ring', async () => {
    const popup = await openPopupFor(j, tabId);
    await popup.getByTestId('balance').first().waitFor();
    await expectEveryControlByTab(popup, 'site card');
    await popup.getByRole('button', { name: 'Votes and details for Alex Masmej' }).click();
    await popup.getByTestId('proposal').first().waitFor();
    await popup.getByTestId('lp-position').waitFor();
    await expectEveryControlByTab(popup, 'creator view');
    await popup.close();

    const home = await j.browser.openPopup();
    await home.getByTestId('holding-row').first().waitFor();
    await expectEveryControlByTab(home, 'home');
    await home.getByRole('button', { name: 'Settings' }).click();
    await home.getByRole('heading', { name: 'Settings' }).waitFor();
    await expectEveryControlByTab(home, 'settings');
    await home.close();
  });

  test('from the site card to a proposal and back, and into Settings, with Tab and Enter only', async () => {
    const popup = await openPopupFor(j, tabId);
    await tabTo(popup, 'Votes and details for Alex Masmej');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { level: 1, name: 'Alex Masmej' }).waitFor();
    await popup.getByTestId('proposal').first().waitFor();
    await tabTo(popup, 'Back to holdings');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('site-card').waitFor();
    await tabTo(popup, 'Settings');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await tabTo(popup, 'Back to holdings');
    await popup.keyboard.press('Space');
    await popup.getByTestId('site-card').waitFor();
    await popup.close();
  });

  test("a gate on the creator's page unlocks from the keyboard", async () => {
    const page = await j.browser.context.newPage();
    await page.goto(`${j.server.origins.alex}/`);
    await waitForShadow(page, (h) => h.filter((x) => x.name === 'ptc-gate' && x.text).length === 4, 'the gates');
    const frames = extensionFrames(page);
    let focused: { frame: Frame; ring: boolean } | undefined;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      for (const frame of frames()) {
        const state = await frame.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!document.hasFocus() || !el || el.textContent?.trim() !== 'Unlock with your wallet') return null;
          const style = getComputedStyle(el);
          return { ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none' };
        });
        if (state) focused = { frame, ...state };
      }
    }
    expect(focused, 'Tab reaches an Unlock button in a gate').toBeDefined();
    expect(focused!.ring).toBe(true);
    await j.browser.screenshot(page, 'a11y-gate-keyboard-focus');
    // Tabbing may just have scrolled the button into view: the clickjacking guard (useUnobscured)
    // counts a press only once the button has been fully visible for 400 ms, as a person's would be.
    await waitUntilSeen(focused!.frame.getByRole('button', { name: 'Unlock with your wallet', exact: true }));
    await page.keyboard.press('Enter');
    await expect.poll(() => focused!.frame.evaluate(() => document.body.innerText), { timeout: 20_000 }).toContain('Unlocked');
    await page.close();
  });
});

describe('the popup at 200% zoom', () => {
  // Chrome's popup is at most 800×600 device pixels: at 200% that is 400×300 CSS pixels, and the
  // popup keeps its 360 px width, so it lays out as in a 360×300 viewport (the screenshot is in CSS
  // pixels). Every action must be reachable by scrolling and not clipped or covered.
  async function zoomed(popup: Page, name: string): Promise<void> {
    await popup.setViewportSize({ width: 360, height: 300 });
    try {
      await j.browser.screenshot(popup, `a11y-zoom200-${name}`);
      const overflow = await popup.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
      expect(overflow, `${name}: no horizontal scrolling`).toBeLessThanOrEqual(0);
      const clipped = await popup.evaluate(() => {
        const bad: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('button, input, textarea, a[href]')) {
          if (!el.checkVisibility()) continue;
          el.scrollIntoView({ block: 'center', inline: 'center' });
          const r = el.getBoundingClientRect();
          const inView = r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
          if (!inView || !hit || !(el === hit || el.contains(hit) || (el instanceof HTMLInputElement && el.labels?.[0]?.contains(hit))))
            bad.push(name);
        }
        return bad;
      });
      expect(clipped, `${name}: actions clipped or covered`).toEqual([]);
    } finally {
      await popup.setViewportSize(POPUP_VIEWPORT);
    }
  }

  test('home, site card, creator view and settings', async () => {
    const popup = await openPopupFor(j, tabId);
    await popup.getByTestId('balance').first().waitFor();
    await zoomed(popup, 'site-card');
    await popup.getByRole('button', { name: 'Votes and details for Alex Masmej' }).click();
    await popup.getByTestId('proposal').first().waitFor();
    await popup.getByTestId('lp-position').waitFor();
    await zoomed(popup, 'creator');
    await popup.getByRole('button', { name: 'Back to holdings' }).click();
    await popup.getByRole('button', { name: 'Settings' }).click();
    await zoomed(popup, 'settings');
    await popup.close();
  });
});
