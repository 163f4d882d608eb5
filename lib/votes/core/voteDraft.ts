import type { VoteRow } from '../../db/rows';
import { initialChoice, isReadyToSign, type VoteChoice } from './choices';
import type { VoteType } from './voteTypes';

// What a proposal's card shows of the holder's votes, from the rows kept in IndexedDB (newest
// first): the vote the hub recorded, which a later cancelled or failed attempt does not undo, and
// the choice to start from, so a vote refused or cancelled in the wallet is one click away again.

export interface ShownVotes {
  /** The newest vote the hub accepted: it still counts whatever happened after it. */
  recorded: VoteRow | undefined;
  /** The newest attempt when it came after the recorded vote (waiting, cancelled, failed). */
  attempt: VoteRow | undefined;
}

export function votesToShow(votes: readonly VoteRow[]): ShownVotes {
  const recorded = votes.find((v) => v.status === 'submitted');
  const latest = votes[0];
  return { recorded, attempt: latest && latest !== recorded ? latest : undefined };
}

/** The reason signed with a vote ('' when none). */
export function reasonOf(vote: VoteRow): string {
  const reason = (vote.typedData as { message?: { reason?: unknown } } | null)?.message?.reason;
  return typeof reason === 'string' ? reason : '';
}

export interface VoteDraft {
  choice: VoteChoice | null;
  reason: string;
}

/**
 * Where the card starts: the choice and reason of the newest attempt if it was cancelled or
 * refused (and is still valid for the proposal), else the type's starting choice.
 */
export function startingDraft(votes: readonly VoteRow[], type: VoteType, count: number): VoteDraft {
  const latest = votes[0];
  if (latest && (latest.status === 'cancelled' || latest.status === 'failed') && isReadyToSign(type, latest.choice, count)) {
    return { choice: latest.choice as VoteChoice, reason: reasonOf(latest) };
  }
  return { choice: initialChoice(type, count), reason: '' };
}
