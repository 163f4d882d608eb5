import type { Address } from 'viem';
import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import type { FollowRow, IncomeRow, UnlockSessionRow } from '@/lib/db/rows';
import { formatTokenAmount } from '@/lib/format/format';
import { listFollows } from '@/lib/holdings/followsRepository';
import { incomeOfAccount } from '@/lib/income/incomeRepository';
import { holdingsAccount, readSettings } from '@/lib/settings/settingsRepository';
import { createHubClient } from '@/lib/votes/core/hubClient';
import { lowerAddress } from '@/lib/protocol/address';
import { alertPrefs, saveAlertRun, saveSkippedRun, seenKeys } from '../alertsRepository';
import { alertKey, dueAlerts, planAlerts, type AlertPlan, type CreatorObservation } from '../core/alerts';
import { hubOpenProposals, type OpenProposal } from '../core/hubOpenProposals';
import { refreshHoldings } from '../../holdings/background/refreshHoldings';

/** Where alerts show: the browser's notifications and the toolbar badge (fakes in tests). */
export interface AlertSurface {
  show(notification: AlertPlan['notifications'][number]): Promise<void>;
  setCount(count: number): Promise<void>;
}

export interface AlertRefreshDeps extends Pick<BackgroundDeps, 'db' | 'clientFor'> {
  surface: AlertSurface;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface AlertRunResult {
  skipped: boolean;
  waiting: number;
  notified: string[];
  /** Chains or hubs that could not be read: their last stored values were used. */
  problems: string[];
}

/** A snapshot program's end is a block; its time is estimated at this many seconds per block. */
const SECONDS_PER_BLOCK = 12;

/**
 * One background alert refresh: the holdings refresh the popup uses (one multicall per chain),
 * each vote hub asked once for its open proposals, then the diff against what was notified.
 * Nothing is read when nothing is followed.
 */
export async function runAlertRefresh(deps: AlertRefreshDeps): Promise<AlertRunResult> {
  const { db, surface } = deps;
  const now = (deps.now ?? Date.now)();
  const follows = await listFollows(db);
  if (follows.length === 0) {
    await saveSkippedRun(db, now);
    await surface.setCount(0);
    return { skipped: true, waiting: 0, notified: [], problems: [] };
  }
  const outcome = await refreshHoldings(deps, []);
  const problems = outcome.chains.flatMap((c) => (c.error ? [c.error] : []));
  const settings = await readSettings(db);
  const account = holdingsAccount(settings);
  const [income, sessions, seen] = await Promise.all([
    account ? incomeOfAccount(db, account) : [],
    db.unlockSessions.toArray(),
    seenKeys(db),
  ]);
  const proposals = await openProposals(follows, deps.fetch, problems);
  const voted = account ? await votedProposals(deps, follows, proposals, account, seen, now) : new Set<string>();

  const observations = follows.map((f) =>
    observe(
      f,
      income.find((row) => row.tokenId === f.tokenId),
      proposals.get(f.tokenId) ?? [],
      voted,
      sessions,
      now,
    ),
  );
  const plan = planAlerts(dueAlerts(observations, now), seen, alertPrefs(settings), minuteOfDay(now));
  await saveAlertRun(db, plan.waiting, plan.notify, now);
  await surface.setCount(plan.waiting.length);
  for (const notification of plan.notifications) await surface.show(notification).catch(() => undefined);
  return { skipped: false, waiting: plan.waiting.length, notified: plan.notifications.map((n) => n.id), problems };
}

function minuteOfDay(now: number): number {
  const d = new Date(now);
  return d.getHours() * 60 + d.getMinutes();
}

/** Per followed creator, the open proposals of their space: one request per hub. */
async function openProposals(
  follows: FollowRow[],
  fetchFn: typeof fetch | undefined,
  problems: string[],
): Promise<Map<string, OpenProposal[]>> {
  const byHub = new Map<string, FollowRow[]>();
  for (const f of follows) {
    const votes = f.manifest?.votes;
    if (votes) byHub.set(votes.hub, [...(byHub.get(votes.hub) ?? []), f]);
  }
  const result = new Map<string, OpenProposal[]>();
  await Promise.all(
    [...byHub].map(async ([hub, creators]) => {
      try {
        const open = await hubOpenProposals(hub, [...new Set(creators.map((c) => c.manifest!.votes!.space))], { fetch: fetchFn });
        for (const c of creators)
          result.set(
            c.tokenId,
            open.filter((p) => p.space === c.manifest!.votes!.space),
          );
      } catch {
        problems.push(`The vote hub ${hub} could not be read.`);
      }
    }),
  );
  return result;
}

/**
 * Proposals the holder voted on: through this companion (IndexedDB), or elsewhere, which the hub
 * is asked about only for a vote about to close that was not notified yet (rare, and one each).
 */
async function votedProposals(
  deps: AlertRefreshDeps,
  follows: FollowRow[],
  proposals: Map<string, OpenProposal[]>,
  account: Address,
  seen: ReadonlySet<string>,
  now: number,
): Promise<Set<string>> {
  const own = await deps.db.votes.where('account').equals(lowerAddress(account)).toArray();
  const voted = new Set(
    own.filter((v) => v.status === 'submitted' || v.status === 'signed' || v.status === 'submitting').map((v) => v.proposalId),
  );
  const asks = follows.flatMap((f) =>
    (proposals.get(f.tokenId) ?? [])
      .filter((p) => !voted.has(p.id) && p.end * 1000 - now <= 24 * 3_600_000 && !seen.has(alertKey('vote-closing', f.tokenId, p.id)))
      .map((p) => ({ hub: f.manifest!.votes!.hub, id: p.id })),
  );
  await Promise.all(
    asks.map(async ({ hub, id }) => {
      const votes = await createHubClient(hub, { fetch: deps.fetch })
        .votes({ proposal: id, voter: account }, { first: 1 })
        .catch(() => []);
      if (votes.length > 0) voted.add(id);
    }),
  );
  return voted;
}

function observe(
  follow: FollowRow,
  income: IncomeRow | undefined,
  proposals: OpenProposal[],
  voted: ReadonlySet<string>,
  sessions: UnlockSessionRow[],
  now: number,
): CreatorObservation {
  const manifest = follow.manifest;
  const blockNumber = income ? Number(income.blockNumber) : null;
  const stakingTitle = (address: string) =>
    manifest?.rewards.find((r) => r.kind === 'staking-rewards' && r.address.toLowerCase() === address.toLowerCase())?.title ??
    'Staking rewards';
  return {
    tokenId: follow.tokenId,
    creatorName: follow.creatorName ?? follow.name ?? follow.symbol ?? 'A creator you follow',
    rounds: (income?.rounds ?? []).map((r) => ({
      id: r.id,
      title: r.title,
      claimable: r.status === 'claimable',
      amountText: r.amount ? `${formatTokenAmount(BigInt(r.amount), r.tokenDecimals)} ${r.tokenSymbol}` : null,
      endsAt: r.endsAt ?? null,
    })),
    proposals: proposals.map((p) => ({ id: p.id, title: p.title, open: true, end: p.end * 1000, voted: voted.has(p.id) })),
    programs: [
      ...(income?.positions ?? []).flatMap((p) =>
        p.staking && (BigInt(p.lpStaked) > 0n || BigInt(p.staking.earned) > 0n)
          ? [{ id: p.staking.address, title: stakingTitle(p.staking.address), endsAt: p.staking.periodFinish * 1000 }]
          : [],
      ),
      ...(income?.programs ?? []).map((g) => ({
        id: g.id,
        title: g.title,
        endsAt: g.ended || blockNumber === null ? null : now + (g.endBlock - blockNumber) * SECONDS_PER_BLOCK * 1000,
      })),
    ],
    gates: sessions
      .filter((s) => s.tokenId === follow.tokenId)
      .map((s) => ({ id: `${s.origin}#${s.gateId}`, title: s.title, expiresAt: s.expiresAt })),
  };
}
