import type { CompanionDatabase } from '@/lib/db/database';
import { needsCheck } from '@/lib/income/core/transactionRecheck';
import { UNFINISHED_REDEMPTION_STATUSES } from '@/lib/offers/redemptionsRepository';
import { UNFINISHED_VOTE_STATUSES } from '@/lib/votes/votesRepository';

/** Whether a vote, transaction or redemption is still mid-way (the start-up resumes would act on it). */
export async function hasUnfinishedWork(db: CompanionDatabase, startedAt: number): Promise<boolean> {
  const counts = await Promise.all([
    db.votes.where('status').anyOf(UNFINISHED_VOTE_STATUSES).count(),
    db.redemptions.where('status').anyOf(UNFINISHED_REDEMPTION_STATUSES).count(),
    db.transactions.filter((row) => needsCheck(row, startedAt)).count(),
  ]);
  return counts.some((count) => count > 0);
}
