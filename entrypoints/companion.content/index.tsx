import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CompanionCard } from '@/components/gates/CompanionCard';
import { GatePanel } from '@/components/gates/GatePanel';
import type { CompanionSummary, GateView } from '@/lib/gates/contract';
import { sendPageRequest } from '@/lib/messaging/requests';
import styles from './page.css?inline';

// Gated blocks and the small companion, on pages that declared a token only: the background injects
// this script after validating the declaration (see lib/gates/background/injectCompanion.ts). It
// listens to no window message, so nothing the page posts reaches it; it renders inside closed
// shadow roots, so the page can neither read the unlocked content nor restyle it.

export const GATE_ATTRIBUTE = 'data-personal-token-gate';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const started = globalThis as { __personalTokenCompanion?: boolean };
    if (started.__personalTokenCompanion) return; // injected again for the same document
    started.__personalTokenCompanion = true;

    // Gates first (they replace content the holder came for), the card when its figures are in.
    const gates = sendPageRequest('page-gates', {});
    const summary = sendPageRequest('companion-summary', {}).catch(() => null);
    try {
      await mountGates(ctx, await gates);
    } catch {
      return; // the page's declaration was withdrawn or the extension reloaded: show nothing
    }
    const companion = await summary;
    if (companion && !companion.dismissed) await mountCompanion(ctx, companion);
  },
});

function shadowUi(ctx: ContentScriptContext, name: string, anchor: Element | string, render: (root: Root) => void): Promise<ShadowRootContentScriptUi<Root>> {
  return createShadowRootUi(ctx, {
    name,
    mode: 'closed',
    css: styles,
    inheritStyles: true, // page.css resets the host itself, with !important (WXT's reset is not)
    position: 'inline',
    anchor,
    append: 'last',
    isolateEvents: true, // keystrokes in our UI do not reach the page's listeners
    onMount(container) {
      const root = createRoot(container);
      render(root);
      return root;
    },
    onRemove: (root) => root?.unmount(),
  }).then((ui) => {
    ui.mount();
    return ui;
  });
}

/** Every gated block, now and later: sites that render with JavaScript add theirs after load. */
async function mountGates(ctx: ContentScriptContext, gates: GateView[]): Promise<void> {
  const mounted = new WeakSet<Element>();
  const mountNew = async () => {
    for (const block of document.querySelectorAll<HTMLElement>(`[${GATE_ATTRIBUTE}]`)) {
      const gate = gates.find((g) => g.gateId === block.getAttribute(GATE_ATTRIBUTE));
      if (!gate || mounted.has(block)) continue;
      mounted.add(block);
      await mountGate(ctx, block, gate);
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

/** The teaser stays until the gate unlocks; then the unlocked content takes its place. */
async function mountGate(ctx: ContentScriptContext, block: HTMLElement, gate: GateView): Promise<void> {
  let teaser: ChildNode[] = [];
  const showTeaser = (unlocked: boolean) => {
    if (unlocked) {
      teaser = [...block.childNodes].filter((node) => node !== ui.shadowHost);
      for (const node of teaser) node.remove();
    } else {
      block.prepend(...teaser);
      teaser = [];
    }
  };
  const ui = await shadowUi(ctx, 'ptc-gate', block, (root) => root.render(<GatePanel initial={gate} onUnlockedChange={showTeaser} />));
  if (gate.state === 'unlocked') showTeaser(true);
}

async function mountCompanion(ctx: ContentScriptContext, summary: CompanionSummary): Promise<void> {
  const ui = await shadowUi(ctx, 'ptc-companion', 'body', (root) => root.render(<CompanionCard summary={summary} onDismiss={() => ui.remove()} />));
}
