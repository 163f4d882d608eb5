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

/** The summary before signing: every claimable round on the chain, simulated by the background. */
export function useClaimAllPreview(chainId: number, enabled: boolean): Loaded<ClaimAllPreviewResult> & { reload(): void } {
  const [loaded, setLoaded] = useState<Loaded<ClaimAllPreviewResult>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setLoaded({ state: 'loading' });
    sendRequest('claim-all-preview', { chainId }).then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => live && setLoaded({ state: 'error', message: holderMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [chainId, enabled, generation]);
  return { ...loaded, reload: () => setGeneration((g) => g + 1) };
}

/**
 * Each round of a claim-all record read back from the chain (isClaimed and the receipt's events),
 * asked again whenever the record's status changes.
 */
export function useClaimAllOutcome(transaction: TransactionRow | undefined): Loaded<ClaimAllOutcomeResult> {
  const [loaded, setLoaded] = useState<Loaded<ClaimAllOutcomeResult>>({ state: 'loading' });
  const id = transaction?.id;
  const status = transaction?.status;
  useEffect(() => {
    if (!id || status === 'awaiting-signature' || status === 'pending') return;
    let live = true;
    setLoaded({ state: 'loading' });
    sendRequest('claim-all-outcome', { transactionId: id }).then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => live && setLoaded({ state: 'error', message: holderMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [id, status]);
  return loaded;
}
