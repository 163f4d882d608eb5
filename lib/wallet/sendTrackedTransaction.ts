import { BaseError, type Address, type Hex } from 'viem';
import { chainById } from '@/lib/chain/knownChains';
import type { TransactionRow } from '@/lib/db/rows';
import { lowerAddress } from '@/lib/protocol/address';
import { readSettings } from '@/lib/settings/settingsRepository';
import { saveTransaction, transactionById, updateTransaction } from '@/lib/wallet/transactionsRepository';
import { WalletError } from '@/lib/wallet/walletError';
import type { BackgroundDeps } from '../app/background/backgroundDeps';
import { refreshHoldings } from '../holdings/background/refreshHoldings';
import { keepAliveWhile } from './keepAlive';
import { reconcileTransactions } from '../income/background/reconcileTransactions';
import { UserFacingError } from '../app/userFacingError';

export interface TrackedCall {
  kind: TransactionRow['kind'];
  tokenId: string;
  chainId: number;
  subject: string;
  label: string;
  /** Built by the extension from the validated manifest, never taken from the popup. */
  to: Address;
  data: Hex;
}

/**
 * Simulates, saves, asks the wallet, then follows the transaction to its receipt in the
 * background: the popup may close when MetaMask opens; the saved row tells how it ended.
 */
export type TransactionDeps = Pick<BackgroundDeps, 'db' | 'clientFor' | 'wallet'>;

export async function sendTrackedTransaction(deps: TransactionDeps, call: TrackedCall): Promise<{ transactionId: string }> {
  const { db } = deps;
  const settings = await readSettings(db);
  const account = settings.wallet?.account;
  if (!account) throw new UserFacingError('Connect a wallet to claim: a watched address cannot send transactions.');
  const chain = chainById(call.chainId);
  if (!chain) throw new UserFacingError(`Chain ${call.chainId} is not supported.`);
  const client = deps.clientFor(chain, settings.rpcUrls[call.chainId]);
  try {
    await client.call({ account, to: call.to, data: call.data });
  } catch (error) {
    throw new UserFacingError(`This would fail on chain, so nothing was sent: ${reason(error)}.`);
  }

  // The nonce it would use: after a worker restart, an unchanged nonce proves nothing was sent.
  const nonce = await client.getTransactionCount({ address: account, blockTag: 'pending' }).catch(() => undefined);
  const now = Date.now();
  const row: TransactionRow = {
    ...call,
    id: crypto.randomUUID(),
    account: lowerAddress(account),
    hash: null,
    nonce,
    status: 'awaiting-signature',
    error: null,
    createdAt: now,
    updatedAt: now,
  };
  await saveTransaction(db, row);
  let hash: Hex;
  try {
    hash = await keepAliveWhile(deps.wallet.sendTransaction({ chainId: call.chainId, to: call.to, data: call.data }));
  } catch (error) {
    const cancelled = error instanceof WalletError && error.kind === 'cancelled';
    const message = error instanceof WalletError ? error.message : 'The wallet could not send the transaction.';
    await updateTransaction(db, row.id, { status: cancelled ? 'cancelled' : 'failed', error: message });
    if (cancelled) return { transactionId: row.id };
    throw new UserFacingError(message);
  }
  await updateTransaction(db, row.id, { status: 'pending', hash });
  void followTransaction(deps, row.id);
  return { transactionId: row.id };
}

/** Waits for the receipt; a replaced transaction is followed under its new hash or explained. */
export async function followTransaction(deps: Pick<BackgroundDeps, 'db' | 'clientFor'>, id: string): Promise<void> {
  const { db } = deps;
  const row = await transactionById(db, id);
  if (!row?.hash || row.status !== 'pending') return;
  const chain = chainById(row.chainId);
  if (!chain) return;
  const client = deps.clientFor(chain, (await readSettings(db)).rpcUrls[row.chainId]);
  try {
    const receipt = await keepAliveWhile(
      client.waitForTransactionReceipt({
        hash: row.hash,
        timeout: 10 * 60_000,
        onReplaced: (replacement) => {
          const note =
            replacement.reason === 'repriced'
              ? null
              : `Your wallet ${replacement.reason === 'cancelled' ? 'cancelled' : 'replaced'} this transaction.`;
          void updateTransaction(db, id, { hash: replacement.transaction.hash, error: note });
        },
      }),
    );
    const ok = receipt.status === 'success';
    await updateTransaction(db, id, {
      status: ok ? 'confirmed' : 'failed',
      hash: receipt.transactionHash,
      error: ok ? null : 'The transaction was mined but reverted; nothing changed.',
    });
    // The claimed round and the new balance show without waiting for the next popup opening.
    if (ok) await refreshHoldings(deps, []);
  } catch (error) {
    await updateTransaction(db, id, { error: `Still waiting for the receipt: ${reason(error)}.` });
  }
}

/** After a worker restart: set what the last worker left unfinished to what the chain shows, keep following what is still pending. */
export async function resumeTransactions(deps: Pick<BackgroundDeps, 'db' | 'clientFor'>): Promise<void> {
  const { db } = deps;
  const { rpcUrls } = await readSettings(db);
  const { pending, confirmed } = await reconcileTransactions({
    db,
    clientFor: (chainId) => {
      const chain = chainById(chainId);
      return chain ? deps.clientFor(chain, rpcUrls[chainId]) : null;
    },
  });
  for (const row of pending) void followTransaction(deps, row.id);
  // The claimed round and the new balance show without waiting for the next popup opening.
  if (confirmed.length) await refreshHoldings(deps, []);
}

function reason(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  return error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 160) : String(error);
}
