import type { ChainClient } from '@/lib/chain/createChainClient';
import { decodeFunctionData, type Address, type Hex, type Transaction } from 'viem';
import type { CompanionDatabase } from '@/lib/db/database';
import type { TransactionRow } from '@/lib/db/rows';
import { updateTransaction } from '@/lib/wallet/transactionsRepository';
import { merkleDistributorAbi } from '@/lib/income/core/abis';
import { lowerAddress } from '@/lib/protocol/address';
import { NOT_FOUND_MESSAGE, UNCHECKED_MESSAGE, needsCheck, notSentMessage } from '@/lib/income/core/transactionRecheck';

const REVERTED_MESSAGE = 'The transaction was mined but reverted; nothing changed.';
// Wall clock and chain clock disagree a little; blocks this much older than the record still count.
const CLOCK_SLACK_MS = 10 * 60_000;

export interface ReconcileDependencies {
  db: CompanionDatabase;
  /** The chain's client, or null when the extension does not support that chain. */
  clientFor: (chainId: number) => ChainClient | null;
  /** Records created from this time on belong to the running worker and are left alone. */
  startedAt?: number;
  /** How many recent blocks to search for a transaction whose hash the record lost. */
  maxBlocks?: number;
}

export interface ReconcileResult {
  /** Still in the mempool: the caller keeps following them to their receipt. */
  pending: TransactionRow[];
  /** Records the chain showed done, now confirmed. */
  confirmed: TransactionRow[];
}

/**
 * At worker start: every record the previous worker left unfinished is set to what the chain
 * shows. Found on chain (by hash, or from the account to the same contract with the same
 * calldata in recent blocks) → its receipt decides; for a claim, the distributor's
 * `isClaimed(index)` decides even without the hash; nothing on chain → failed, saying the
 * holder can try again. Running it twice changes nothing more.
 */
export async function reconcileTransactions(deps: ReconcileDependencies): Promise<ReconcileResult> {
  const { db, startedAt = Date.now() } = deps;
  const all = await db.transactions.toArray();
  // A failed record the holder has since retried is history: the newer record tells the story.
  const retried = (row: TransactionRow) =>
    row.status === 'failed' &&
    all.some((r) => r.tokenId === row.tokenId && r.subject === row.subject && r.kind === row.kind && r.createdAt > row.createdAt);
  const rows = all.filter((row) => needsCheck(row, startedAt) && !retried(row)).sort((a, b) => a.createdAt - b.createdAt);
  const result: ReconcileResult = { pending: [], confirmed: [] };
  for (const row of rows) {
    // A later record's transaction (the holder tried again) is not this record's.
    const others = new Set((await db.transactions.toArray()).flatMap((r) => (r.id !== row.id && r.hash ? [r.hash.toLowerCase()] : [])));
    const next = await reconcileOne(deps, row, others);
    if (next?.status === 'pending') result.pending.push(next);
    if (next?.status === 'confirmed') result.confirmed.push(next);
  }
  return result;
}

async function reconcileOne(deps: ReconcileDependencies, row: TransactionRow, others: Set<string>): Promise<TransactionRow | null> {
  const { db } = deps;
  const client = deps.clientFor(row.chainId);
  if (!client) return row.status === 'pending' ? row : settle(db, row, { status: 'failed', error: UNCHECKED_MESSAGE });
  try {
    if (row.hash) {
      const mined = await receiptOf(client, row.hash);
      if (mined) return settle(db, row, mined);
      // Still in the mempool under the hash we have: keep following it.
      if (await client.getTransaction({ hash: row.hash }).catch(() => null)) return row;
    }
    const found = await findSent(client, row, others, deps.maxBlocks ?? 128);
    if (found?.mined) {
      const mined = await receiptOf(client, found.hash);
      if (mined) return settle(db, row, mined);
    }
    if (found) return settle(db, row, { status: 'pending', hash: found.hash, error: null });
    if (row.kind === 'claim' && (await claimIsDone(client, row))) return settle(db, row, { status: 'confirmed', error: null });
    // Sent under a hash the node no longer knows and nothing else found: the receipt wait decides.
    if (row.status === 'pending') return row;
    if (row.kind === 'claim' || (row.nonce !== undefined && (await nothingSentSince(client, row.account, row.nonce)))) {
      return settle(db, row, { status: 'failed', error: notSentMessage(row.kind) });
    }
    return settle(db, row, { status: 'failed', error: NOT_FOUND_MESSAGE });
  } catch {
    return row.status === 'pending' ? row : settle(db, row, { status: 'failed', error: UNCHECKED_MESSAGE });
  }
}

type Outcome = Partial<Pick<TransactionRow, 'status' | 'hash' | 'error'>>;

/** Writes the outcome only when it changes the record, so a second run touches nothing. */
function settle(db: CompanionDatabase, row: TransactionRow, outcome: Outcome): Promise<TransactionRow | null> {
  const same = (Object.keys(outcome) as (keyof Outcome)[]).every((key) => row[key] === outcome[key]);
  return same ? Promise.resolve(row) : updateTransaction(db, row.id, outcome);
}

async function receiptOf(client: ChainClient, hash: Hex): Promise<Outcome | null> {
  const receipt = await client.getTransactionReceipt({ hash }).catch(() => null);
  if (!receipt) return null;
  const ok = receipt.status === 'success';
  return { status: ok ? 'confirmed' : 'failed', hash: receipt.transactionHash, error: ok ? null : REVERTED_MESSAGE };
}

async function nothingSentSince(client: ChainClient, account: Address, nonce: number): Promise<boolean> {
  const [latest, pending] = await Promise.all([
    client.getTransactionCount({ address: account, blockTag: 'latest' }),
    client.getTransactionCount({ address: account, blockTag: 'pending' }),
  ]);
  return latest <= nonce && pending <= nonce;
}

/**
 * The account's transaction to the same contract with the same calldata, and no other record's:
 * in the pending block,
 * then in recent blocks back to the record's creation (or `maxBlocks`, or the account's
 * transactions from before the recorded nonce). Null when the nonce shows nothing was sent.
 */
async function findSent(
  client: ChainClient,
  row: TransactionRow,
  others: Set<string>,
  maxBlocks: number,
): Promise<{ hash: Hex; mined: boolean } | null> {
  const account = lowerAddress(row.account);
  const fromAccount = (tx: Transaction) => tx.from.toLowerCase() === account;
  const matches = (tx: Transaction) =>
    fromAccount(tx) &&
    tx.to?.toLowerCase() === row.to.toLowerCase() &&
    tx.input.toLowerCase() === row.data.toLowerCase() &&
    !others.has(tx.hash.toLowerCase());
  if (row.nonce !== undefined && (await nothingSentSince(client, account, row.nonce))) return null;

  const pendingBlock = await client.getBlock({ blockTag: 'pending', includeTransactions: true }).catch(() => null);
  const inMempool = pendingBlock?.transactions.find(matches);
  if (inMempool) return { hash: inMempool.hash, mined: false };

  // No cached block number: the transaction may be in the block mined a second ago.
  const latest = await client.getBlockNumber({ cacheTime: 0 });
  const batch = 8;
  for (let top = latest; top >= 0n && latest - top < BigInt(maxBlocks); top -= BigInt(batch)) {
    const numbers: bigint[] = [];
    for (let n = top; n > top - BigInt(batch) && n >= 0n && latest - n < BigInt(maxBlocks); n--) numbers.push(n);
    const blocks = await Promise.all(numbers.map((blockNumber) => client.getBlock({ blockNumber, includeTransactions: true })));
    for (const block of blocks) {
      const tx = block.transactions.find(matches);
      if (tx) return { hash: tx.hash, mined: true };
      const older = Number(block.timestamp) * 1000 < row.createdAt - CLOCK_SLACK_MS;
      const beforeOurNonce = row.nonce !== undefined && block.transactions.some((t) => fromAccount(t) && t.nonce < row.nonce!);
      if (older || beforeOurNonce) return null;
    }
  }
  return null;
}

/** `isClaimed(index)` on the distributor the claim was sent to; the index comes from our own calldata. */
async function claimIsDone(client: ChainClient, row: TransactionRow): Promise<boolean> {
  const call = decodeFunctionData({ abi: merkleDistributorAbi, data: row.data });
  if (call.functionName !== 'claim') return false;
  return client.readContract({ address: row.to, abi: merkleDistributorAbi, functionName: 'isClaimed', args: [call.args[0]] });
}
