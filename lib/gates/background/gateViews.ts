import { getAddress, type Address } from 'viem';
import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import type { CompanionDatabase } from '@/lib/db/database';
import type { UnlockSessionRow } from '@/lib/db/rows';
import { forgetUnlockSessions, unlockSessionsOf } from '@/lib/gates/unlockSessionsRepository';
import type { GateView } from '@/lib/gates/contract';
import type { ManifestGate } from '@/lib/protocol/manifestSchema';
import { shortAddress } from '@/lib/format/format';
import { gatesOf, type PageContext } from './pageContext';
import { amountText, minimumText, readTokenBalances, type TokenBalances } from './tokenReads';

/**
 * Every gate the page declares, unlocked where a session is still valid: not expired, for this
 * token, and its address still holds enough (read now, on chain). A session that fails either is
 * removed and the gate shows locked with the reason.
 */
export async function gateViews(
  deps: Pick<BackgroundDeps, 'db' | 'clientFor'>,
  page: PageContext,
  now = Date.now(),
  only?: string,
): Promise<GateView[]> {
  // One gate (each gate's frame asks for its own): the other gates' sessions are left alone, so a
  // session re-locked here is reported with its reason by the one request that removed it.
  const gates = gatesOf(page).filter((g) => only === undefined || g.id === only);
  if (gates.length === 0) return [];
  const { db } = deps;
  const stored = (await unlockSessionsOf(db, page.origin)).filter((s) => gates.some((g) => g.id === s.gateId));
  // A site that now declares another token: proofs of holding the old one unlock nothing.
  const otherToken = stored.filter((s) => s.tokenId !== page.state.tokenId);
  if (otherToken.length)
    await forgetUnlockSessions(
      db,
      page.origin,
      otherToken.map((s) => s.gateId),
    );
  const sessions = new Map(stored.filter((s) => s.tokenId === page.state.tokenId).map((s) => [s.gateId, s]));
  const live = [...sessions.values()].filter((s) => s.expiresAt > now);
  const token = await readBalancesOrNull(
    deps,
    page.state.tokenId,
    live.map((s) => getAddress(s.address)),
  );

  const views: GateView[] = [];
  for (const gate of gates) {
    const session = sessions.get(gate.id);
    const requirement = token ? minimumText(BigInt(gate.minBalance), token) : `${gate.minBalance} base units`;
    const view = session ? await sessionView(db, gate, session, token, requirement, now) : null;
    views.push(view ?? lockedView(gate, requirement, null));
  }
  return views;
}

/**
 * Which declared gates have an unexpired session for this token: where the page's teaser steps
 * aside. Read only: the gate's own frame re-checks the balance and says so if it locks again.
 */
export async function unlockedGateIds(db: CompanionDatabase, page: PageContext, now = Date.now()): Promise<Set<string>> {
  const stored = await unlockSessionsOf(db, page.origin);
  return new Set(stored.filter((s) => s.tokenId === page.state.tokenId && s.expiresAt > now).map((s) => s.gateId));
}

async function sessionView(
  db: CompanionDatabase,
  gate: ManifestGate,
  session: UnlockSessionRow,
  token: TokenBalances | null,
  requirement: string,
  now: number,
): Promise<GateView | null> {
  const forget = () => forgetUnlockSessions(db, session.origin, [session.gateId]);
  if (session.expiresAt <= now) {
    await forget();
    return lockedView(gate, requirement, 'Your unlock expired. Unlock again to see it.');
  }
  const unlocked = { content: session.content, address: session.address, expiresAt: session.expiresAt };
  // The chain could not be read: the content was given for a valid proof, so it stays, labelled.
  if (!token) return unlockedView(gate, requirement, unlocked, 'Could not re-check your balance just now; shown from your last unlock.');
  const balance = token.balances.get(getAddress(session.address)) ?? 0n;
  const needed = BigInt(gate.minBalance) > BigInt(session.minBalance) ? BigInt(gate.minBalance) : BigInt(session.minBalance);
  if (balance < needed) {
    await forget();
    return lockedView(
      gate,
      requirement,
      `Locked again: ${shortAddress(session.address)} now holds ${amountText(balance, token)}; this needs ${minimumText(needed, token)}.`,
    );
  }
  return unlockedView(gate, requirement, unlocked, null);
}

export function lockedView(gate: ManifestGate, requirement: string, note: string | null): GateView {
  return { gateId: gate.id, title: gate.title, kind: gate.kind, requirement, state: 'locked', note, unlocked: null };
}

export function unlockedView(
  gate: ManifestGate,
  requirement: string,
  unlocked: NonNullable<GateView['unlocked']>,
  note: string | null,
): GateView {
  return { ...lockedView(gate, requirement, note), state: 'unlocked', unlocked };
}

async function readBalancesOrNull(
  deps: Pick<BackgroundDeps, 'db' | 'clientFor'>,
  tokenId: string,
  addresses: Address[],
): Promise<TokenBalances | null> {
  try {
    return await readTokenBalances(deps, tokenId, addresses);
  } catch {
    return null;
  }
}
