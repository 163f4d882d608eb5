import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import { sitePrefsOf } from '@/lib/gates/sitePrefsRepository';
import { followOf } from '@/lib/holdings/followsRepository';
import { holdingOf } from '@/lib/holdings/holdingsRepository';
import { incomeOf } from '@/lib/income/incomeRepository';
import { holdingsAccount, readSettings } from '@/lib/settings/settingsRepository';
import { toHoldingView } from '@/lib/holdings/core/holdingView';
import type { CompanionSummary } from '@/lib/gates/contract';
import { formatTokenAmount } from '@/lib/format/format';
import { createHubClient } from '@/lib/votes/core/hubClient';
import { refreshHoldings } from '../../holdings/background/refreshHoldings';
import { manifestOf, type PageContext } from './pageContext';
import { onChainFindings } from '../../detect/background/onChainFindings';

/** A page load should not wait long on the chain or the hub: the companion shows what it has. */
const FRESH_WAIT_MS = 3_000;

/**
 * What the in-page companion shows: the holding and claimable income from IndexedDB (refreshed
 * first, briefly), and the open proposals on the creator's hub.
 */
export async function companionSummary(deps: Pick<BackgroundDeps, 'db' | 'clientFor'>, page: PageContext): Promise<CompanionSummary> {
  const { db } = deps;
  const { tokenId } = page.state;
  await withinMs(refreshHoldings(deps, [tokenId]), FRESH_WAIT_MS);
  const settings = await readSettings(db);
  const account = holdingsAccount(settings);
  const [follow, holdingRow, incomeRow, prefs, openVotes, findings] = await Promise.all([
    followOf(db, tokenId),
    account ? holdingOf(db, account, tokenId) : undefined,
    account ? incomeOf(db, account, tokenId) : undefined,
    sitePrefsOf(db, page.origin),
    openProposalCount(page),
    // Usually cached already (the declaration started it): the ENS verdict and lookalike warnings.
    withinMs(onChainFindings(deps, tokenId, page.origin), FRESH_WAIT_MS),
  ]);
  const view = holdingRow ? toHoldingView(holdingRow) : null;
  const claimable = incomeRow?.rounds.filter((r) => r.status === 'claimable') ?? [];
  return {
    creatorName: page.state.creatorName ?? 'This creator',
    symbol: view?.symbol ?? follow?.symbol ?? null,
    confirmed: page.state.confirmation === 'confirmed' || findings?.verdict.status === 'confirmed',
    confirmedBy: findings?.verdict.status === 'confirmed' ? findings.verdict.name : null,
    warnings: findings?.warnings ?? page.state.warnings ?? [],
    following: Boolean(follow),
    account,
    holding: view?.balance != null ? `${formatTokenAmount(view.balance, view.decimals, 'en-US')} ${view.symbol}` : null,
    holdingValue:
      view && (view.valueUsdE18 !== null || view.valueWei !== null)
        ? { usdE18: view.valueUsdE18?.toString() ?? null, wei: view.valueWei?.toString() ?? null }
        : null,
    currency: settings.currency,
    income: incomeRow
      ? claimable.length === 0
        ? 'Nothing to claim'
        : `${claimable.length} ${claimable.length === 1 ? 'round' : 'rounds'} to claim`
      : null,
    openVotes,
    dismissed: prefs?.companionDismissed ?? false,
  };
}

async function openProposalCount(page: PageContext): Promise<number | null> {
  const votes = manifestOf(page)?.votes;
  if (!votes) return null;
  const proposals = await withinMs(
    createHubClient(votes.hub).proposals({ space: votes.space, state: 'active' }, { first: 20 }),
    FRESH_WAIT_MS,
  );
  return proposals ? proposals.length : null;
}

/** The work's result, or null if it failed or took longer than `ms` (it carries on meanwhile). */
async function withinMs<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([work.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
