import type { Address } from 'viem';
import type { CompanionDatabase } from '@/lib/db/database';
import type { IncomeRow } from '@/lib/db/rows';
import { lowerAddress } from '@/lib/protocol/address';

/** One creator's rounds and liquidity for one account, as last read; undefined before the first read. */
export function incomeOf(db: CompanionDatabase, account: Address, tokenId: string): Promise<IncomeRow | undefined> {
  return db.income.get([lowerAddress(account), tokenId]);
}

/** Every creator's income for one account (the claimable total across creators). */
export function incomeOfAccount(db: CompanionDatabase, account: Address): Promise<IncomeRow[]> {
  return db.income.where('account').equals(lowerAddress(account)).toArray();
}

export async function saveIncome(db: CompanionDatabase, rows: IncomeRow[]): Promise<void> {
  await db.income.bulkPut(rows.map((row) => ({ ...row, account: lowerAddress(row.account) })));
}
