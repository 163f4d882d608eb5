import type { CompanionDatabase } from '@/lib/db/database';
import type { UnlockSessionRow } from '@/lib/db/rows';

/** The gates unlocked on one site, whatever their state (the caller checks expiry and balance). */
export function unlockSessionsOf(db: CompanionDatabase, origin: string): Promise<UnlockSessionRow[]> {
  return db.unlockSessions.where('origin').equals(origin).toArray();
}

export async function saveUnlockSession(db: CompanionDatabase, row: UnlockSessionRow): Promise<void> {
  await db.unlockSessions.put(row);
}

/** Locks gates again on a site: the next visit signs again. */
export async function forgetUnlockSessions(db: CompanionDatabase, origin: string, gateIds: string[]): Promise<void> {
  await db.unlockSessions.bulkDelete(gateIds.map((gateId): [string, string] => [origin, gateId]));
}
