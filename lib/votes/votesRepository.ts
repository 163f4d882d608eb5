import type { Address } from 'viem';
import type { CompanionDatabase } from '../db/database';
import type { VoteRow, VoteStatus } from '../db/rows';
import { lowerAddress } from '../protocol/address';

export function voteById(db: CompanionDatabase, id: string): Promise<VoteRow | undefined> {
  return db.votes.get(id);
}

export async function saveVote(db: CompanionDatabase, row: VoteRow): Promise<void> {
  await db.votes.put(row);
}

export function getVote(db: CompanionDatabase, id: string): Promise<VoteRow | undefined> {
  return db.votes.get(id);
}

/** Moves a vote on; returns the updated row, or null if it is gone (data cleared meanwhile). */
export async function updateVote(
  db: CompanionDatabase,
  id: string,
  patch: Partial<Pick<VoteRow, 'status' | 'signature' | 'receipt' | 'error'>>,
  at = Date.now(),
): Promise<VoteRow | null> {
  return db.transaction('rw', db.votes, async () => {
    const row = await db.votes.get(id);
    if (!row) return null;
    const next = { ...row, ...patch, updatedAt: at };
    await db.votes.put(next);
    return next;
  });
}

/**
 * Takes a vote for submission unless another run already has it: the check and the status
 * change happen in one transaction, so a vote is never posted twice at once.
 */
export async function claimForSubmission(
  db: CompanionDatabase,
  id: string,
  staleAfterMs = 60_000,
  now = Date.now(),
): Promise<VoteRow | null> {
  return db.transaction('rw', db.votes, async () => {
    const row = await db.votes.get(id);
    const takeable = row && (row.status === 'signed' || (row.status === 'submitting' && now - row.updatedAt >= staleAfterMs));
    if (!takeable) return null;
    const next: VoteRow = { ...row, status: 'submitting', updatedAt: now };
    await db.votes.put(next);
    return next;
  });
}

/** What a stopped worker may have left mid-vote: resumeVotes closes or sends each at the next start. */
export const UNFINISHED_VOTE_STATUSES: VoteStatus[] = ['awaiting-signature', 'signed', 'submitting'];

export function votesWithStatus(db: CompanionDatabase, statuses: VoteStatus[]): Promise<VoteRow[]> {
  return db.votes.where('status').anyOf(statuses).toArray();
}

/** The holder's votes, newest first. */
export async function voteHistory(db: CompanionDatabase, account: Address): Promise<VoteRow[]> {
  const rows = await db.votes.where('account').equals(lowerAddress(account)).toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}
