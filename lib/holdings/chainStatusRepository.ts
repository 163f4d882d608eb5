import type { CompanionDatabase } from '../db/database';
import type { ChainStatusRow } from '../db/rows';

export function chainStatuses(db: CompanionDatabase): Promise<ChainStatusRow[]> {
  return db.chainStatus.toArray();
}

export async function recordRefresh(db: CompanionDatabase, chainId: number, error: string | null, at = Date.now()): Promise<void> {
  await db.transaction('rw', db.chainStatus, async () => {
    const previous = await db.chainStatus.get(chainId);
    await db.chainStatus.put({
      chainId,
      lastAttemptAt: at,
      lastSuccessAt: error ? (previous?.lastSuccessAt ?? null) : at,
      lastError: error,
    });
  });
}
