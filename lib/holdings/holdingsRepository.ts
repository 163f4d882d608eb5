import type { Address } from 'viem';
import type { CompanionDatabase } from '../db/database';
import type { HoldingRow, HoldingValues } from '../db/rows';
import { lowerAddress } from '../protocol/address';

/** Account key for readings taken with no address set: prices still show. */
export const NO_ACCOUNT = '';

type Owner = Address | typeof NO_ACCOUNT;
const ownerKey = (account: Owner): Owner => (account === NO_ACCOUNT ? NO_ACCOUNT : lowerAddress(account));

export function holdingsOf(db: CompanionDatabase, account: Owner): Promise<HoldingRow[]> {
  return db.holdings.where('account').equals(ownerKey(account)).toArray();
}

export function holdingOf(db: CompanionDatabase, account: Owner, tokenId: string): Promise<HoldingRow | undefined> {
  return db.holdings.get([ownerKey(account), tokenId]);
}

/** Any account's reading of a token: its symbol, when nothing else names it. */
export function anyHoldingOfToken(db: CompanionDatabase, tokenId: string): Promise<HoldingRow | undefined> {
  return db.holdings.where('tokenId').equals(tokenId).first();
}

/** Stores fresh readings; what the holder last looked at stays as it was. */
export async function saveLatest(
  db: CompanionDatabase,
  account: Owner,
  readings: { tokenId: string; chainId: number; values: HoldingValues }[],
): Promise<void> {
  const owner = ownerKey(account);
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
export async function markLooked(db: CompanionDatabase, account: Address): Promise<void> {
  const owner = lowerAddress(account);
  await db.transaction('rw', db.holdings, async () => {
    const rows = await db.holdings.where('account').equals(owner).toArray();
    await db.holdings.bulkPut(rows.map((row) => ({ ...row, looked: row.latest })));
  });
}
