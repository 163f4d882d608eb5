import type { CDPSession, Page } from 'playwright-core';

// The companion renders in CLOSED shadow roots, which neither the page nor Playwright's selectors
// can enter. The DevTools protocol can (DOM.getDocument with pierce), so tests read and click our
// UI the way a person does: text as rendered, clicks as real mouse events at the element's place.

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: 'user-agent' | 'open' | 'closed';
}

/** Author shadow roots only: the browser's own (an <img>'s alt-text box, inputs) are not page content. */
const authored = (node: CdpNode) => (node.shadowRoots ?? []).filter((root) => root.shadowRootType !== 'user-agent');

/** One element inside our shadow roots, flattened for assertions. */
export interface ShadowElement {
  tag: string;
  attributes: Record<string, string>;
}

export interface ShadowHost {
  /** `ptc-gate` or `ptc-companion`. */
  name: string;
  /** The gate id of the block it sits in, for gates. */
  gateId: string | null;
  hostBackendNodeId: number;
  text: string;
  buttons: { label: string; backendNodeId: number; disabled: boolean }[];
  elements: ShadowElement[];
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const root of authored(node)) yield* walk(root);
  for (const child of node.children ?? []) yield* walk(child);
}

function attributesOf(node: CdpNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

function textOf(node: CdpNode): string {
  let text = '';
  for (const n of walk(node)) {
    if (n.nodeType === 3) text += n.nodeValue;
    if (n.localName === 'style') return text; // skip our stylesheet's text below
  }
  return text;
}

function visibleText(root: CdpNode): string {
  const parts: string[] = [];
  const visit = (node: CdpNode) => {
    if (node.localName === 'style' || node.localName === 'head') return;
    if (node.nodeType === 3) parts.push(node.nodeValue);
    for (const r of authored(node)) visit(r);
    for (const c of node.children ?? []) visit(c);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Every host of our UI in the page, with what its closed shadow root holds. */
export async function readShadowHosts(page: Page): Promise<ShadowHost[]> {
  const { root } = (await (await cdp(page)).send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const hosts: ShadowHost[] = [];
  const visit = (node: CdpNode, gateId: string | null) => {
    const attrs = attributesOf(node);
    const inGate = attrs['data-personal-token-gate'] ?? gateId;
    if ((node.localName === 'ptc-gate' || node.localName === 'ptc-companion') && node.shadowRoots?.length) {
      const shadow = node.shadowRoots[0]!;
      const all = [...walk(shadow)].filter((n) => n.nodeType === 1);
      hosts.push({
        name: node.localName,
        gateId: node.localName === 'ptc-gate' ? inGate : null,
        hostBackendNodeId: node.backendNodeId,
        text: visibleText(shadow),
        buttons: all
          .filter((n) => n.localName === 'button')
          .map((n) => ({ label: (attributesOf(n)['aria-label'] ?? textOf(n)).trim(), backendNodeId: n.backendNodeId, disabled: 'disabled' in attributesOf(n) })),
        elements: all.filter((n) => !['html', 'head', 'body', 'style'].includes(n.localName)).map((n) => ({ tag: n.localName, attributes: attributesOf(n) })),
      });
      return;
    }
    for (const child of node.children ?? []) visit(child, inGate);
    for (const shadow of authored(node)) visit(shadow, inGate);
  };
  visit(root, null);
  return hosts;
}

/** Polls until `predicate` holds for the hosts; returns them. */
export async function waitForShadow(page: Page, predicate: (hosts: ShadowHost[]) => boolean, what: string, timeoutMs = 15_000): Promise<ShadowHost[]> {
  const deadline = Date.now() + timeoutMs;
  let last: ShadowHost[] = [];
  for (;;) {
    last = await readShadowHosts(page);
    if (predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; hosts: ${JSON.stringify(last.map((h) => ({ name: h.name, gate: h.gateId, text: h.text })), null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export function gateHost(hosts: ShadowHost[], gateId: string): ShadowHost | undefined {
  return hosts.find((h) => h.name === 'ptc-gate' && h.gateId === gateId);
}

/** A real mouse click (isTrusted) on the button labelled `label` in gate `gateId`'s (or the companion's) shadow root. */
export async function clickInShadow(page: Page, where: { gateId: string } | 'companion', label: string): Promise<void> {
  const hosts = await readShadowHosts(page);
  const host = where === 'companion' ? hosts.find((h) => h.name === 'ptc-companion') : gateHost(hosts, where.gateId);
  const button = host?.buttons.find((b) => b.label === label);
  if (!button) throw new Error(`No "${label}" button in ${JSON.stringify(where)}; buttons: ${JSON.stringify(host?.buttons.map((b) => b.label))}`);
  const session = await cdp(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
  const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** The browser's computed values of `names` for a node (inside a closed shadow root or not). */
export async function computedStyle(page: Page, backendNodeId: number, names: string[]): Promise<Record<string, string>> {
  const session = await cdp(page);
  await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const { nodeIds } = (await session.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [backendNodeId] })) as { nodeIds: number[] };
  await session.send('CSS.enable');
  const { computedStyle: all } = (await session.send('CSS.getComputedStyleForNode', { nodeId: nodeIds[0]! })) as { computedStyle: { name: string; value: string }[] };
  return Object.fromEntries(all.filter((p) => names.includes(p.name)).map((p) => [p.name, p.value]));
}
