import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import { claimForSubmission, updateVote, votesWithStatus } from '@/lib/votes/votesRepository';
import { voteEnvelope } from '@/lib/votes/core/buildVoteTypedData';
import { HubRefusedVoteError, VotesError } from '@/lib/votes/core/errors';
import { createHubClient } from '@/lib/votes/core/hubClient';

/**
 * Posts a signed vote once. The claim in IndexedDB makes it idempotent across popup clicks and
 * service-worker restarts; a hub that cannot be reached leaves it signed, to be sent again.
 */
export async function submitSignedVote(deps: Pick<BackgroundDeps, 'db'>, voteId: string, options: { afterRestart?: boolean } = {}): Promise<void> {
  const { db } = deps;
  // After a restart a "submitting" row belongs to a worker that is gone: take it at once.
  const row = await claimForSubmission(db, voteId, options.afterRestart ? 0 : undefined);
  if (!row || !row.signature) return;
  const envelope = voteEnvelope(row.account, row.signature, row.typedData);
  try {
    const receipt = await createHubClient(row.hub).submitVote(envelope);
    await updateVote(db, voteId, { status: 'submitted', receipt: receipt.id, error: null });
  } catch (error) {
    if (error instanceof HubRefusedVoteError) {
      await updateVote(db, voteId, { status: 'failed', error: error.message });
    } else {
      const message = error instanceof VotesError ? error.message : 'The vote hub could not be reached.';
      await updateVote(db, voteId, { status: 'signed', error: `${message} It will be sent again.` });
    }
  }
}

/**
 * After the service worker (re)starts: send what was signed but not yet accepted, and close the
 * votes whose wallet prompt was lost with the previous worker.
 */
export async function resumeVotes(deps: Pick<BackgroundDeps, 'db'>): Promise<void> {
  const { db } = deps;
  for (const row of await votesWithStatus(db, ['awaiting-signature'])) {
    await updateVote(db, row.id, { status: 'failed', error: 'The extension restarted while your wallet was open, so nothing was sent. Vote again.' });
  }
  for (const row of await votesWithStatus(db, ['signed', 'submitting'])) await submitSignedVote(deps, row.id, { afterRestart: true });
}
