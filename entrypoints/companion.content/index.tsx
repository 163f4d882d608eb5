import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageLayout } from '@/lib/gates/contract';
import { PAGE_FRAME_PATH, type FrameNotice } from '@/lib/gates/pageFrame';
import { sendPageRequest } from '@/lib/messaging/requests';
import styles from './page.css?inline';

// Gated blocks and the small companion, on pages that declared a token only: the background injects
// this script after validating the declaration (see lib/background/page/injectCompanion.ts).
// The page can read whatever is rendered into its document, closed shadow roots included (its
// `window.find` searches them), so nothing private is rendered here: each gate and the card is a
// frame of our page-frame.html (components/page/PageFrame.tsx), which asks the background itself.
// This script only places the frames, sizes them, and moves the creator's teaser aside when a gate
// shows unlocked. It hears window messages from our frames only (their window and origin checked).

export const GATE_ATTRIBUTE = 'data-personal-token-gate';

/** The tallest a frame may grow, whatever it (or anything posing as it) reports. */
const MAX_FRAME_HEIGHT = 4_000;

type FrameListener = (notice: FrameNotice) => void;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const started = globalThis as { __personalTokenCompanion?: boolean };
    if (started.__personalTokenCompanion) return; // injected again for the same document
    started.__personalTokenCompanion = true;

    let layout: PageLayout;
    try {
      layout = await sendPageRequest('page-layout', {});
    } catch {
      return; // the page's declaration was withdrawn or the extension reloaded: show nothing
    }
    const frames = listenToFrames(ctx);
    await mountGates(ctx, layout.gates, frames);
    if (layout.card) await mountCard(ctx, frames);
  },
});

/** Our frames' notices: only from the window of a frame we placed, with our extension's origin. */
function listenToFrames(ctx: ContentScriptContext): Map<Window, FrameListener> {
  const listeners = new Map<Window, FrameListener>();
  const ours = new URL(browser.runtime.getURL('/')).origin;
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (event.origin !== ours || !event.source) return;
    const listener = listeners.get(event.source as Window);
    const notice = event.data as Partial<FrameNotice> | null;
    if (!listener || notice?.ptcFrame !== 'v1' || typeof notice.height !== 'number' || !Number.isFinite(notice.height)) return;
    listener({
      ptcFrame: 'v1',
      height: Math.max(0, Math.min(MAX_FRAME_HEIGHT, Math.ceil(notice.height))),
      ...(typeof notice.unlocked === 'boolean' && { unlocked: notice.unlocked }),
      ...(notice.dismissed === true && { dismissed: true }),
    });
  });
  return listeners;
}

/** A closed shadow root holding one frame of our page; `onNotice` hears what that frame reports. */
function frameUi(
  ctx: ContentScriptContext,
  name: string,
  anchor: Element | string,
  what: string,
  frames: Map<Window, FrameListener>,
  onNotice: FrameListener,
  fixed = false,
): Promise<ShadowRootContentScriptUi<HTMLIFrameElement>> {
  return createShadowRootUi(ctx, {
    name,
    mode: 'closed',
    css: styles,
    inheritStyles: true, // page.css resets the host itself, with !important (WXT's is not)
    position: 'inline',
    anchor,
    append: 'last',
    isolateEvents: true,
    onMount(container) {
      const frame = document.createElement('iframe');
      frame.className = fixed ? 'ptc-frame ptc-frame-fixed' : 'ptc-frame';
      frame.title = 'Personal Token Companion';
      frame.src = `${browser.runtime.getURL(PAGE_FRAME_PATH)}#${what}`;
      container.append(frame);
      if (frame.contentWindow) {
        frames.set(frame.contentWindow, (notice) => {
          frame.style.setProperty('height', `${notice.height}px`, 'important');
          onNotice(notice);
        });
      }
      return frame;
    },
    onRemove: (frame) => {
      if (frame?.contentWindow) frames.delete(frame.contentWindow);
    },
  }).then((ui) => {
    ui.mount();
    return ui;
  });
}

/** Every gated block, now and later: sites that render with JavaScript add theirs after load. */
async function mountGates(ctx: ContentScriptContext, gates: PageLayout['gates'], frames: Map<Window, FrameListener>): Promise<void> {
  const mounted = new WeakSet<Element>();
  const mountNew = async () => {
    for (const block of document.querySelectorAll<HTMLElement>(`[${GATE_ATTRIBUTE}]`)) {
      const gate = gates.find((g) => g.gateId === block.getAttribute(GATE_ATTRIBUTE));
      if (!gate || mounted.has(block)) continue;
      mounted.add(block);
      await mountGate(ctx, block, gate, frames);
    }
  };
  await mountNew();
  if (gates.length === 0) return;
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      void mountNew();
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}

/** The teaser stays until the gate unlocks; then the frame with the unlocked content takes its place. */
async function mountGate(
  ctx: ContentScriptContext,
  block: HTMLElement,
  gate: PageLayout['gates'][number],
  frames: Map<Window, FrameListener>,
): Promise<void> {
  let teaser: ChildNode[] = [];
  let hidden = false;
  const showTeaser = (unlocked: boolean) => {
    if (unlocked === hidden) return;
    hidden = unlocked;
    if (unlocked) {
      teaser = [...block.childNodes].filter((node) => node !== ui.shadowHost);
      for (const node of teaser) node.remove();
    } else {
      block.prepend(...teaser);
      teaser = [];
    }
  };
  const what = `gate=${encodeURIComponent(gate.gateId)}`;
  const ui = await frameUi(ctx, 'ptc-gate', block, what, frames, (notice) => {
    if (notice.unlocked !== undefined) showTeaser(notice.unlocked);
  });
  if (gate.unlocked) showTeaser(true);
}

async function mountCard(ctx: ContentScriptContext, frames: Map<Window, FrameListener>): Promise<void> {
  const ui: ShadowRootContentScriptUi<HTMLIFrameElement> = await frameUi(
    ctx,
    'ptc-companion',
    'body',
    'card',
    frames,
    (notice) => {
      if (notice.dismissed) ui.remove();
    },
    true,
  );
}
