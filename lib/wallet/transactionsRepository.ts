import type { Address } from 'viem';
import type { CompanionDatabase } from '../db/database';
import type { TransactionRow, TransactionStatus } from '../db/rows';
import { lowerAddress } from '../protocol/address';

export function transactionById(db: CompanionDatabase, id: string): Promise<TransactionRow | undefined> {
  return db.transactions.get(id);
}

export async function saveTransaction(db: CompanionDatabase, row: TransactionRow): Promise<void> {
  await db.transactions.put(row);
}

export async function updateTransaction(
  db: CompanionDatabase,
  id: string,
  patch: Partial<Pick<TransactionRow, 'status' | 'hash' | 'error'>>,
  at = Date.now(),
): Promise<TransactionRow | null> {
  return db.transaction('rw', db.transactions, async () => {
    const row = await db.transactions.get(id);
    if (!row) return null;
    const next = { ...row, ...patch, updatedAt: at };
    await db.transactions.put(next);
    return next;
  });
}

export function transactionsWithStatus(db: CompanionDatabase, statuses: TransactionStatus[]): Promise<TransactionRow[]> {
  return db.transactions.where('status').anyOf(statuses).toArray();
}

/** The holder's transactions, newest first. */
export async function transactionsOf(db: CompanionDatabase, account: Address): Promise<TransactionRow[]> {
  const rows = await db.transactions.where('account').equals(lowerAddress(account)).toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}
