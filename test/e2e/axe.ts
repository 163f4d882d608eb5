import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

// axe-core in real Chromium, inside the page or frame under test. Extension pages forbid inline
// scripts (their CSP), so the library is evaluated through DevTools, which CSP does not govern.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

type InAxePage = {
  axe: {
    run(
      context: Document | object,
      options: object,
    ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }>;
  };
};

/**
 * Every rule axe runs by default (WCAG 2.x A/AA and best practices), none turned off.
 * `embedded`: the document is a frame inside someone else's page (the extension's page frames in a
 * creator's site, behind a closed shadow root where axe on the page cannot reach them). axe then
 * treats it exactly as a frame it reaches from the top page: the rules about the whole page (one h1,
 * one main landmark, the page's lang and title) belong to the page around it; every other rule applies.
 */
export async function axeViolations(
  target: Page | Frame,
  opts: { embedded?: boolean; alsoRules?: string[] } = {},
): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => 'axe' in window);
  if (!loaded) await target.evaluate(AXE_SOURCE);
  return target.evaluate(
    async ({ embedded, alsoRules }) => {
      const context = embedded ? { include: [document.documentElement], page: false, initiator: false } : document;
      // Rules axe leaves off by default (experimental ones such as label-content-name-mismatch), turned on here.
      const rules = Object.fromEntries(alsoRules.map((id) => [id, { enabled: true }]));
      const { violations } = await (window as unknown as InAxePage).axe.run(context, { resultTypes: ['violations'], rules });
      return violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary ?? '' })),
      }));
    },
    { embedded: opts.embedded ?? false, alsoRules: opts.alsoRules ?? [] },
  );
}

/** One line per violation and element, for a readable failure. */
export function describeViolations(where: string, violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${where}: ${v.id} (${v.help}) at ${n.target}: ${n.html} — ${n.summary.replace(/\s+/g, ' ')}`),
  );
}
