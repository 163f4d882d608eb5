import type { TransactionRow } from '@/lib/db/rows';

const TEXT: Record<TransactionRow['status'], string> = {
  'awaiting-signature': 'Confirm in your wallet…',
  pending: 'Sent; waiting for the block…',
  confirmed: 'Confirmed on chain',
  failed: 'Did not go through',
  cancelled: 'You cancelled in your wallet. Nothing was sent.',
};

/** Where a claim or collection is, with its hash once sent and why it failed if it did. */
export function TransactionStatus({ transaction }: { transaction: TransactionRow }) {
  const tone = transaction.status === 'confirmed' ? 'ok' : transaction.status === 'failed' ? 'error' : 'muted';
  return (
    <div className={`receipt ${tone}`} role="status" data-testid="transaction-status" data-status={transaction.status}>
      <strong>{TEXT[transaction.status]}</strong>
      {transaction.hash && (
        <span className="small">
          {' '}
          · <code title={transaction.hash}>{transaction.hash.slice(0, 10)}…</code>
        </span>
      )}
      {transaction.error && transaction.status !== 'cancelled' && <div className="small">{transaction.error}</div>}
    </div>
  );
}
