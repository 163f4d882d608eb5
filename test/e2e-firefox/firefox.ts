import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO_ROOT, SCREENSHOT_DIR } from '../e2e/harness/browser';
import { ensureTestWalletBuilt, TEST_WALLET_FIREFOX_BUILD } from '../wallet-extension/build';
import { TEST_WALLET_GECKO_ID } from '../wallet-extension/identity';

// Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the Firefox devnet build
// (`npm run build:devnet:firefox`) installed as a temporary add-on.
//
// Two things differ from the Chromium harness:
// - BiDi refuses to navigate a tab to a moz-extension:// URL. A page may navigate itself to a
//   web-accessible extension page (page-frame.html), and that page, now extension code, may go
//   on to popup.html: the popup then runs top-level in a tab with the full extension API, as
//   the real popup does. The add-on's UUID is pinned (extensions.webextensions.uuids), so its URLs
//   are known before install.
// - Firefox MV3 makes host access opt-in. `grantSites: false` installs with it withheld (as a
//   holder who declined would have it); extensions.webextOptionalPermissionPrompts=false lets the
//   popup's own permissions.request() be granted without the browser's doorhanger, which headless
//   Firefox cannot show: the click on "Allow reading sites" is what grants it.

export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = join(REPO_ROOT, '.output', 'firefox-mv3-devnet');
export const GECKO_ID = 'companion@personal-token.dev';
export const EXTENSION_UUID = '5d3c1a0e-7f42-4b8e-9c61-2a4f0e8b7d13';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
export const POPUP_VIEWPORT = { width: 360, height: 600 };

export interface FirefoxExtension {
  browser: Browser;
  /** A page to navigate itself from to the extension (any http page that is not a creator's). */
  openPage(url: string): Promise<Page>;
  /** popup.html top-level in a tab, sized like the popup; `forTabId` adds `?tab=<id>`. */
  openPopup(forTabId?: number): Promise<Page>;
  /** Firefox's tab id of the tab showing `url` (asked from an extension page). */
  tabIdOf(url: string): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Runs `fn` in an extension page (full `browser.*` API). */
  inExtension<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export function assertFirefoxBuilt(): void {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run \`npm run build:devnet:firefox\` first.`);
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: run \`apt-get install -y firefox-esr\`.`);
}

export async function launchFirefox(opts: {
  grantSites?: boolean;
  extensionPath?: string;
  landing: string;
  withTestWallet?: boolean;
}): Promise<FirefoxExtension> {
  assertFirefoxBuilt();
  const profile = mkdtempSync(join(tmpdir(), 'ptc-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'extensions.originControls.grantByDefault': opts.grantSites ?? true,
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const cleanup = () => rmSync(profile, { recursive: true, force: true });
  try {
    // The test wallet first (MetaMask's wire protocol and EIP-6963, an anvil key; approves by default).
    if (opts.withTestWallet) {
      await ensureTestWalletBuilt();
      const wallet = await browser.installExtension(TEST_WALLET_FIREFOX_BUILD);
      if (wallet !== TEST_WALLET_GECKO_ID) throw new Error(`Installed ${wallet}, expected the test wallet ${TEST_WALLET_GECKO_ID}`);
    }
    const id = await browser.installExtension(opts.extensionPath ?? FIREFOX_BUILD);
    if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    cleanup();
    throw error;
  }

  async function openExtensionPage(path: string, viewport = POPUP_VIEWPORT): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    await page.goto(opts.landing);
    // page-frame.html is web-accessible; from there, extension code may open any of its pages.
    // (Puppeteer's page.url() misses these navigations: the document itself says where it is.)
    const here = () => page.evaluate(() => location.href).catch(() => '');
    for (const url of [`${EXTENSION_ORIGIN}/page-frame.html`, `${EXTENSION_ORIGIN}${path}`]) {
      await page.evaluate((u) => void (location.href = u), url).catch(() => undefined); // the realm goes with the document
      await until(here, url, 10_000);
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
    }
    return page;
  }

  let helper: Promise<Page> | null = null;
  const helperPage = () => (helper ??= openExtensionPage('/page-frame.html#helper'));
  const inExtension = async <A, R>(fn: (arg: A) => Promise<R>, arg: A) =>
    (await helperPage()).evaluate(fn as never, arg as never) as Promise<R>;

  return {
    browser,
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    openPopup: (forTabId) => openExtensionPage(`/popup.html${forTabId === undefined ? '' : `?tab=${forTabId}`}`),
    tabIdOf: (url) =>
      inExtension(async (u: string) => {
        const tabs = await (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.tabs.query({});
        const ids = tabs.filter((t) => t.url === u).map((t) => t.id);
        const [id] = ids;
        if (ids.length !== 1 || id === undefined) throw new Error(`${ids.length} tabs show ${u}`);
        return id;
      }, url),
    badgeText: (tabId) =>
      inExtension(
        (id: number) =>
          (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.action.getBadgeText({ tabId: id }),
        tabId,
      ),
    inExtension,
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `firefox-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
      cleanup();
    },
  };
}

/** The page's visible text (innerText, whitespace collapsed) of the first element with data-testid. */
export async function testIdText(page: Page, testId: string): Promise<string> {
  return page.$eval(`[data-testid="${testId}"]`, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim()).catch(() => '');
}

/** Polls `read` until it returns `expected` (or throws with the last value). */
export async function until<T>(read: () => Promise<T>, expected: T | ((value: T) => boolean), timeoutMs = 15_000): Promise<T> {
  const ok = typeof expected === 'function' ? (expected as (v: T) => boolean) : (v: T) => v === expected;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline)
      throw new Error(
        `Still ${JSON.stringify(last)} after ${timeoutMs} ms, expected ${typeof expected === 'function' ? 'a match' : JSON.stringify(expected)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks the button whose accessible name (aria-label or text) is `name`. */
export async function clickButton(page: Page, name: string | RegExp): Promise<void> {
  const source = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  const handle = await page.waitForFunction(
    (src: string) =>
      [...document.querySelectorAll('button')].find(
        (b) => !b.disabled && new RegExp(src).test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()),
      ) ?? false,
    { timeout: 15_000 },
    source,
  );
  await (handle as unknown as import('puppeteer-core').ElementHandle<HTMLButtonElement>).click();
}

/** The extension frame of the page showing `pageFrameHash` (e.g. `gate=monthly-notes`), or null. */
export async function extensionFrame(page: Page, pageFrameHash: string): Promise<import('puppeteer-core').Frame | null> {
  for (const frame of page.frames()) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(EXTENSION_ORIGIN) && href.endsWith(`#${pageFrameHash}`)) return frame;
  }
  return null;
}

export async function frameText(frame: import('puppeteer-core').Frame): Promise<string> {
  return frame.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim()).catch(() => '');
}
