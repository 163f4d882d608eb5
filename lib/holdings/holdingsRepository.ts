import type { CompanionDatabase } from '../db/database';
import type { HoldingRow, HoldingValues } from '../db/rows';

/** Account key for readings taken with no address set: prices still show. */
export const NO_ACCOUNT = '';

export function holdingsOf(db: CompanionDatabase, account: string): Promise<HoldingRow[]> {
  return db.holdings.where('account').equals(account.toLowerCase()).toArray();
}

/** Stores fresh readings; what the holder last looked at stays as it was. */
export async function saveLatest(
  db: CompanionDatabase,
  account: string,
  readings: { tokenId: string; chainId: number; values: HoldingValues }[],
): Promise<void> {
  const owner = account.toLowerCase();
  await db.transaction('rw', db.holdings, async () => {
    const keys = readings.map((r): [string, string] => [owner, r.tokenId]);
    const existing = await db.holdings.bulkGet(keys);
    await db.holdings.bulkPut(
      readings.map((r, i) => ({
        account: owner,
        tokenId: r.tokenId,
        chainId: r.chainId,
        latest: r.values,
        looked: existing[i]?.looked ?? null,
      })),
    );
  });
}

/**
 * The holder has now seen the latest readings: they become the base of the next
 * "change since your last look".
 */
export async function markLooked(db: CompanionDatabase, account: string): Promise<void> {
  const owner = account.toLowerCase();
  await db.transaction('rw', db.holdings, async () => {
    const rows = await db.holdings.where('account').equals(owner).toArray();
    await db.holdings.bulkPut(rows.map((row) => ({ ...row, looked: row.latest })));
  });
}
