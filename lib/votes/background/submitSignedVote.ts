import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import { voteEnvelope } from '@/lib/votes/core/buildVoteTypedData';
import { claimForSubmission, updateVote, voteById, votesWithStatus, UNFINISHED_VOTE_STATUSES } from '@/lib/votes/votesRepository';
import { HubRefusedVoteError, VotesError } from '@/lib/votes/core/errors';
import { createHubClient } from '@/lib/votes/core/hubClient';
import { keepAliveWhile } from '../../wallet/keepAlive';
import { UserFacingError } from '../../app/userFacingError';

/**
 * Pauses before each automatic re-send while the hub fails (about 4 minutes in all, the worker
 * kept alive meanwhile); after that the holder's "Retry now", or the next worker start, sends it.
 */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000, 120_000];

export interface SubmitOptions {
  /** After a worker restart a "submitting" row belongs to a worker that is gone: take it at once. */
  afterRestart?: boolean;
  /** The pauses between automatic re-sends (tests shorten them). */
  retryDelaysMs?: readonly number[];
}

/** Re-sends waiting in this worker, by vote id: one at most per vote. */
const waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; release: () => void }>();

/**
 * Posts a signed vote: always the envelope signed once and saved, never a new signature, so
 * re-sending is idempotent (a hub that already has it answers "duplicate message", read as its
 * receipt). The claim in IndexedDB keeps one post in flight across popup clicks and worker
 * restarts. A hub that fails or cannot be reached leaves the vote signed, its error saved for the
 * card, and a re-send scheduled with growing pauses while this worker lives.
 */
export async function submitSignedVote(deps: Pick<BackgroundDeps, 'db'>, voteId: string, options: SubmitOptions = {}): Promise<void> {
  cancelResend(voteId);
  await attempt(deps, voteId, 0, options);
}

/** The holder's "Retry now": sends the saved envelope at once and starts the pauses afresh. */
export async function retryVote(deps: Pick<BackgroundDeps, 'db'>, voteId: string): Promise<null> {
  const row = await voteById(deps.db, voteId);
  if (!row) throw new UserFacingError('This vote is no longer saved in the extension. Vote again.');
  if (row.status === 'submitted') return null;
  if ((row.status !== 'signed' && row.status !== 'submitting') || !row.signature)
    throw new UserFacingError('Only a signed vote that the hub has not taken yet can be sent again.');
  await submitSignedVote(deps, voteId);
  return null;
}

async function attempt(deps: Pick<BackgroundDeps, 'db'>, voteId: string, tries: number, options: SubmitOptions): Promise<void> {
  const { db } = deps;
  const row = await claimForSubmission(db, voteId, options.afterRestart ? 0 : undefined);
  if (!row || !row.signature) return;
  const envelope = voteEnvelope(row.account, row.signature, row.typedData);
  try {
    const receipt = await createHubClient(row.hub).submitVote(envelope);
    await updateVote(db, voteId, { status: 'submitted', receipt: receipt.id, error: null });
  } catch (error) {
    if (error instanceof HubRefusedVoteError) {
      await updateVote(db, voteId, { status: 'failed', error: `${sentence(error.message)} Nothing was counted.` });
      return;
    }
    const delay = (options.retryDelaysMs ?? RETRY_DELAYS_MS)[tries];
    const said = sentence(error instanceof VotesError ? error.message : 'The vote hub could not be reached');
    const next =
      delay === undefined
        ? 'Your signed vote is kept: press Retry now to send it again.'
        : 'Your signed vote is kept and will be sent again shortly, or press Retry now.';
    await updateVote(db, voteId, { status: 'signed', error: `${said} ${next}` });
    if (delay !== undefined) resendLater(voteId, delay, () => attempt(deps, voteId, tries + 1, { retryDelaysMs: options.retryDelaysMs }));
  }
}

function resendLater(voteId: string, delayMs: number, run: () => Promise<void>): void {
  cancelResend(voteId);
  let release = () => {};
  void keepAliveWhile(new Promise<void>((resolve) => (release = resolve)));
  const timer = setTimeout(() => {
    waiting.delete(voteId);
    release();
    run().catch((error: unknown) => console.error('re-sending a vote failed', error));
  }, delayMs);
  waiting.set(voteId, { timer, release });
}

function cancelResend(voteId: string): void {
  const entry = waiting.get(voteId);
  if (!entry) return;
  clearTimeout(entry.timer);
  entry.release();
  waiting.delete(voteId);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * After the service worker (re)starts: send what was signed but not yet accepted, and close the
 * votes whose wallet prompt was lost with the previous worker.
 */
export async function resumeVotes(deps: Pick<BackgroundDeps, 'db'>, options: Pick<SubmitOptions, 'retryDelaysMs'> = {}): Promise<void> {
  const { db } = deps;
  const rows = await votesWithStatus(db, UNFINISHED_VOTE_STATUSES);
  for (const row of rows.filter((r) => r.status === 'awaiting-signature')) {
    await updateVote(db, row.id, {
      status: 'failed',
      error: 'The extension restarted while your wallet was open, so nothing was sent. Vote again.',
    });
  }
  for (const row of rows.filter((r) => r.status !== 'awaiting-signature'))
    await submitSignedVote(deps, row.id, { ...options, afterRestart: true });
}
