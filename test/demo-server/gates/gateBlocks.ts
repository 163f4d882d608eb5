import { esc } from '../html';
import { formatAmount } from './balances';
import type { DemoGate } from './types';

// The page side of a gate: a block marked `data-personal-token-gate="<id>"` whose children are
// the teaser everyone sees. The extension finds the block and shows the unlocked content in place.

/** A gated block as a creator would write it; `attrs` is trusted markup added to the element. */
export function gateBlock(gate: Pick<DemoGate, 'id' | 'title' | 'teaser' | 'minBalance'>, symbol: string, attrs = ''): string {
  return `<article class="gate" data-personal-token-gate="${esc(gate.id)}"${attrs ? ` ${attrs}` : ''}>
  <span class="lock" aria-hidden="true"></span>
  <h3>${esc(gate.title)}</h3>
  <p>${esc(gate.teaser)}</p>
  <p class="need">${gate.minBalance > 0n ? `Hold ${esc(formatAmount(gate.minBalance))} $${esc(symbol)} to unlock` : 'Sign in to unlock'}</p>
</article>`;
}

/** The manifest's entry for a gate (lib/protocol/manifestSchema.ts, `gateSchema`). */
export function gateManifestEntry(gate: Pick<DemoGate, 'id' | 'title' | 'kind' | 'minBalance'>, endpoint: string) {
  return { id: gate.id, title: gate.title, kind: gate.kind, minBalance: gate.minBalance.toString(), endpoint };
}
