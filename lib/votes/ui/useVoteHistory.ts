import type { Address } from 'viem';
import type { VoteRow } from '@/lib/db/rows';
import { useLiveRows } from '@/lib/db/useLiveRows';
import { voteHistory } from '@/lib/votes/votesRepository';

/** The account's votes kept in IndexedDB, newest first; empty without an account. */
export function useVoteHistory(account: Address | null): VoteRow[] {
  return useLiveRows((db) => (account ? voteHistory(db, account) : Promise.resolve([])), [account]) ?? [];
}
