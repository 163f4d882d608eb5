import type { VoteRow } from '@/lib/db/rows';

const STATUS_TEXT: Record<VoteRow['status'], string> = {
  'awaiting-signature': 'Waiting for your signature in the wallet…',
  signed: 'Signed; sending to the vote hub…',
  submitting: 'Sending to the vote hub…',
  submitted: 'Vote recorded',
  cancelled: 'You cancelled in your wallet. Nothing was sent.',
  failed: 'The vote did not go through',
};

/** The latest vote on a proposal: where it is, and the hub's receipt once it has one. */
export function VoteReceipt({ vote }: { vote: VoteRow }) {
  const tone = vote.status === 'submitted' ? 'ok' : vote.status === 'failed' ? 'error' : 'muted';
  return (
    <div className={`receipt ${tone}`} role="status" data-testid="vote-receipt" data-status={vote.status}>
      <strong>{STATUS_TEXT[vote.status]}</strong>
      {vote.status === 'submitted' && (
        <span className="small">
          {' '}· {vote.choiceLabel}
          {vote.receipt && <> · receipt <code title={vote.receipt}>{vote.receipt.slice(0, 10)}…</code></>}
        </span>
      )}
      {vote.error && vote.status === 'failed' && <div className="small">{vote.error}</div>}
    </div>
  );
}
