import { useEffect, useState } from 'react';
import type { Address } from 'viem';
import type { TransactionRow } from '@/lib/db/rows';
import { useLiveRows } from '@/lib/db/useLiveRows';
import { holderMessage } from '@/lib/errors/baseError';
import { sendRequest, type RequestResult } from '@/lib/messaging/requests';
import { transactionById, transactionsOf } from '@/lib/wallet/transactionsRepository';

export type ClaimAllPreviewResult = RequestResult<'claim-all-preview'>;
export type ClaimAllOutcomeResult = RequestResult<'claim-all-outcome'>;

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** The account's claim-all records (every chain), newest first, live from IndexedDB. */
export function useClaimAllHistory(account: Address | null): TransactionRow[] {
  const rows = useLiveRows((db) => (account ? transactionsOf(db, account) : Promise.resolve([])), [account]);
  return (rows ?? []).filter((t) => t.kind === 'claim-all');
}

/** One transaction record, live: its status moves from the wallet prompt to the receipt. */
export function useTransactionRow(id: string | null): TransactionRow | undefined {
  return useLiveRows((db) => (id ? transactionById(db, id) : Promise.resolve(undefined)), [id]);
}

/**
 * A request's answer for `key`, asked again when `key` changes; `loading` until the answer for the
 * current key arrives (an older key's answer is never shown for a newer one).
 */
function useAnswer<T>(key: string | null, ask: () => Promise<T>): Loaded<T> {
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    ask().then(
      (value) => live && setAnswer({ key, loaded: { state: 'ready', value } }),
      (error: unknown) => live && setAnswer({ key, loaded: { state: 'error', message: holderMessage(error) } }),
    );
    return () => {
      live = false;
    };
    // `ask` is a fresh closure each render; `key` says when it asks something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return answer && answer.key === key ? answer.loaded : { state: 'loading' };
}

/** The summary before signing: every claimable round on the chain, simulated by the background. */
export function useClaimAllPreview(chainId: number): Loaded<ClaimAllPreviewResult> & { reload(): void } {
  const [generation, setGeneration] = useState(0);
  const loaded = useAnswer(`${chainId}#${generation}`, () => sendRequest('claim-all-preview', { chainId }));
  return { ...loaded, reload: () => setGeneration((g) => g + 1) };
}

/**
 * Each round of a claim-all record read back from the chain (isClaimed and the receipt's events),
 * asked again whenever the record's status changes; not asked while it waits for the wallet or the block.
 */
export function useClaimAllOutcome(transaction: TransactionRow | undefined): Loaded<ClaimAllOutcomeResult> {
  const id = transaction?.id ?? '';
  const settled = transaction && transaction.status !== 'awaiting-signature' && transaction.status !== 'pending';
  return useAnswer(settled ? `${id}#${transaction.status}` : null, () => sendRequest('claim-all-outcome', { transactionId: id }));
}
