import type { Frame, Locator, Page } from 'playwright-core';

// The companion puts closed shadow roots into the page, each holding a frame of the extension's
// page-frame.html, where the gates and the card render (the page cannot read there). Tests read
// and click inside those frames the way a person does: text as rendered, clicks as real mouse
// events at the element's place (Playwright's clicks are trusted input).

/** One element inside our frames, flattened for assertions. */
export interface ShadowElement {
  tag: string;
  attributes: Record<string, string>;
}

export interface ShadowHost {
  /** `ptc-gate` or `ptc-companion`. */
  name: string;
  /** The gate id of the block it sits in, for gates. */
  gateId: string | null;
  /** The extension frame it renders in. */
  frame: Frame;
  text: string;
  buttons: { label: string; disabled: boolean }[];
  elements: ShadowElement[];
}

const FRAME_PATH = '/page-frame.html';

interface FrameContent {
  text: string;
  buttons: { label: string; disabled: boolean }[];
  elements: ShadowElement[];
}

function readFrame(frame: Frame): Promise<FrameContent> {
  return frame.evaluate(() => {
    const attributes = (el: Element) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
    const all = [...document.body.querySelectorAll('*')].filter((el) => !['script', 'style'].includes(el.localName));
    return {
      text: document.body.innerText.replace(/\s+/g, ' ').trim(),
      buttons: [...document.querySelectorAll('button')].map((b) => ({
        label: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(),
        disabled: b.disabled,
      })),
      elements: all.filter((el) => el.id !== 'root').map((el) => ({ tag: el.localName, attributes: attributes(el) })),
    };
  });
}

/** Every frame of our UI in the page, with what it shows. */
export async function readShadowHosts(page: Page): Promise<ShadowHost[]> {
  const hosts: ShadowHost[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached() || frame.parentFrame() !== page.mainFrame()) continue;
    if (!URL.canParse(frame.url())) continue; // not navigated yet
    const url = new URL(frame.url());
    if (url.protocol !== 'chrome-extension:' || url.pathname !== FRAME_PATH) continue;
    const params = new URLSearchParams(url.hash.slice(1));
    const gateId = params.get('gate');
    try {
      hosts.push({ name: gateId ? 'ptc-gate' : 'ptc-companion', gateId, frame, ...(await readFrame(frame)) });
    } catch {
      // The frame went away (or is still loading) while it was read.
    }
  }
  return hosts;
}

/** Polls until `predicate` holds for the hosts; returns them. */
export async function waitForShadow(
  page: Page,
  predicate: (hosts: ShadowHost[]) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<ShadowHost[]> {
  const deadline = Date.now() + timeoutMs;
  let last: ShadowHost[] = [];
  for (;;) {
    last = await readShadowHosts(page);
    if (predicate(last)) return last;
    if (Date.now() > deadline)
      throw new Error(
        `Timed out waiting for ${what}; hosts: ${JSON.stringify(
          last.map((h) => ({ name: h.name, gate: h.gateId, text: h.text })),
          null,
          1,
        )}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export function gateHost(hosts: ShadowHost[], gateId: string): ShadowHost | undefined {
  return hosts.find((h) => h.name === 'ptc-gate' && h.gateId === gateId);
}

/**
 * A real mouse click (isTrusted) on the button labelled `label` in gate `gateId`'s (or the card's)
 * frame. `covered`: the page hides the button on purpose, so the click is made without waiting for
 * the browser to see it.
 */
export async function clickInShadow(
  page: Page,
  where: { gateId: string } | 'companion',
  label: string,
  { covered = false }: { covered?: boolean } = {},
): Promise<void> {
  const hosts = await readShadowHosts(page);
  const host = where === 'companion' ? hosts.find((h) => h.name === 'ptc-companion') : gateHost(hosts, where.gateId);
  if (!host?.buttons.some((b) => b.label === label))
    throw new Error(`No "${label}" button in ${JSON.stringify(where)}; buttons: ${JSON.stringify(host?.buttons.map((b) => b.label))}`);
  const button = host.frame.getByRole('button', { name: label, exact: true });
  // As a person does: the button comes into view, then the click.
  await button.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  if (covered) await new Promise((resolve) => setTimeout(resolve, SEEN_MARGIN_MS));
  else await waitUntilSeen(button);
  await button.click();
}

/**
 * A click counts only on a button the browser has seen fully visible, uncovered and unfaded for
 * 400 ms (components/gates/useUnobscured.ts). On a loaded machine the browser may take a while to
 * see it after a scroll, so this waits for the same signal (IntersectionObserver v2), then a margin.
 */
export async function waitUntilSeen(button: Locator): Promise<void> {
  const seen = await button.evaluate(
    (el, timeoutMs) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        const init = { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
        const observer = new IntersectionObserver((entries) => {
          if (!entries.some((entry) => (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(true);
        }, init);
        observer.observe(el);
      }),
    10_000,
  );
  if (!seen) throw new Error('The browser never saw the button fully visible within 10 s');
  await new Promise((resolve) => setTimeout(resolve, SEEN_MARGIN_MS));
}

/** The guard's 400 ms, and room for its own observer's answer. */
const SEEN_MARGIN_MS = 600;

/** The browser's computed values of `names` for the button labelled `label` in a frame. */
export function buttonStyle(host: ShadowHost, label: string, names: string[]): Promise<Record<string, string>> {
  return host.frame.getByRole('button', { name: label, exact: true }).evaluate((el, names) => {
    const style = getComputedStyle(el);
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
  }, names);
}

/** The computed values of `names` for the element in the page that holds the frame's closed shadow root. */
export async function hostStyle(host: ShadowHost, names: string[]): Promise<Record<string, string>> {
  const element = await host.frame.frameElement();
  return element.evaluate((el, names) => {
    const style = getComputedStyle((el.getRootNode() as ShadowRoot).host);
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
  }, names);
}
