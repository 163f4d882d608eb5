import type { Address } from 'viem';
import type { IncomeRow, TransactionRow } from '@/lib/db/rows';
import { useLiveRows } from '@/lib/db/useLiveRows';
import { incomeOf } from '@/lib/income/incomeRepository';
import { transactionsOf } from '@/lib/wallet/transactionsRepository';

export interface CreatorIncome {
  /** Undefined until the first read of this creator's rounds and liquidity for the account. */
  income: IncomeRow | undefined;
  /** The account's claims and reward collections, newest first. */
  transactions: TransactionRow[];
}

/** One creator's income and liquidity for `account`, live from IndexedDB, with the transactions they led to. */
export function useCreatorIncome(account: Address | null, tokenId: string): CreatorIncome {
  const income = useLiveRows((db) => (account ? incomeOf(db, account, tokenId) : Promise.resolve(undefined)), [account, tokenId]);
  const transactions = useLiveRows((db) => (account ? transactionsOf(db, account) : Promise.resolve([])), [account]);
  return { income, transactions: transactions ?? [] };
}
