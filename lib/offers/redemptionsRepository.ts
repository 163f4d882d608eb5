import type { Address } from 'viem';
import type { CompanionDatabase } from '../db/database';
import type { RedemptionRow, RedemptionStatus } from '../db/rows';
import { lowerAddress } from '../protocol/address';

export function redemptionById(db: CompanionDatabase, id: string): Promise<RedemptionRow | undefined> {
  return db.redemptions.get(id);
}

export async function saveRedemption(db: CompanionDatabase, row: RedemptionRow): Promise<void> {
  await db.redemptions.put(row);
}

export type RedemptionPatch = Partial<
  Pick<RedemptionRow, 'status' | 'error' | 'message' | 'signature' | 'transactionId' | 'hash' | 'reference'>
>;

/** Applies `patch` in one IndexedDB transaction; null when the row is gone. */
export async function updateRedemption(
  db: CompanionDatabase,
  id: string,
  patch: RedemptionPatch,
  at = Date.now(),
): Promise<RedemptionRow | null> {
  return db.transaction('rw', db.redemptions, async () => {
    const row = await db.redemptions.get(id);
    if (!row) return null;
    const next = { ...row, ...patch, updatedAt: at };
    await db.redemptions.put(next);
    return next;
  });
}

/** Redemptions a stopped worker may have left mid-way: resumeRedemptions goes on from each at the next start. */
export const UNFINISHED_REDEMPTION_STATUSES: RedemptionStatus[] = ['proving', 'paying', 'booking'];

export function redemptionsWithStatus(db: CompanionDatabase, statuses: RedemptionStatus[]): Promise<RedemptionRow[]> {
  return db.redemptions.where('status').anyOf(statuses).toArray();
}

/** One holder's redemptions of one creator's offers, newest first. */
export async function redemptionsOf(db: CompanionDatabase, tokenId: string, account: Address): Promise<RedemptionRow[]> {
  const rows = await db.redemptions
    .where('[tokenId+account]')
    .equals([tokenId, lowerAddress(account)])
    .toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}
