import type { Address } from 'viem';
import type { RedemptionRow } from '@/lib/db/rows';
import { useLiveRows } from '@/lib/db/useLiveRows';
import { redemptionsOf } from '../redemptionsRepository';

/** One holder's redemptions of one creator's offers, newest first, live from IndexedDB. */
export function useRedemptions(tokenId: string, account: Address | null): RedemptionRow[] {
  const rows = useLiveRows((db) => (account ? redemptionsOf(db, tokenId, account) : Promise.resolve([])), [tokenId, account]);
  return rows ?? [];
}
