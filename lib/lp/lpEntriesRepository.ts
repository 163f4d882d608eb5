import type { Address } from 'viem';
import type { CompanionDatabase } from '@/lib/db/database';
import type { LpEntryRow } from '@/lib/db/rows';
import { lowerAddress } from '@/lib/protocol/address';

const key = (account: Address, pair: Address): [Address, Address] => [lowerAddress(account), lowerAddress(pair)];

/** The position as first recorded: the base of impermanent loss. */
export function lpEntryOf(db: CompanionDatabase, account: Address, pair: Address): Promise<LpEntryRow | undefined> {
  return db.lpEntries.get(key(account, pair));
}

export async function saveLpEntry(db: CompanionDatabase, row: LpEntryRow): Promise<void> {
  await db.lpEntries.put({ ...row, account: lowerAddress(row.account), pair: lowerAddress(row.pair) });
}

/** The LP is gone: the next position starts a new base. */
export async function forgetLpEntry(db: CompanionDatabase, account: Address, pair: Address): Promise<void> {
  await db.lpEntries.delete(key(account, pair));
}
