import type { VoteRow } from '@/lib/db/rows';
import { reasonOf } from '@/lib/votes/voteDraft';

const STATUS_TEXT: Record<VoteRow['status'], string> = {
  'awaiting-signature': 'Waiting for your signature in the wallet…',
  signed: 'Signed; sending to the vote hub…',
  submitting: 'Sending to the vote hub…',
  submitted: 'Vote recorded',
  cancelled: 'You cancelled in your wallet. Nothing was sent.',
  failed: 'The vote did not go through',
};

/**
 * One vote on a proposal: where it is, and the hub's receipt once it has one. `earlier` is the
 * vote the hub recorded before this attempt: a cancelled or failed attempt leaves it counting.
 */
export function VoteReceipt({ vote, earlier }: { vote: VoteRow; earlier?: VoteRow | undefined }) {
  const tone = vote.status === 'submitted' ? 'ok' : vote.status === 'failed' ? 'error' : 'muted';
  const reason = reasonOf(vote);
  const undone = vote.status === 'cancelled' || vote.status === 'failed';
  return (
    <div className={`receipt ${tone}`} role="status" data-testid="vote-receipt" data-status={vote.status}>
      <strong>{STATUS_TEXT[vote.status]}</strong>
      {vote.status === 'submitted' && (
        <span className="small">
          {' '}· {vote.choiceLabel}
          {vote.receipt && <> · receipt <code title={vote.receipt}>{vote.receipt.slice(0, 10)}…</code></>}
        </span>
      )}
      {vote.status === 'submitted' && reason && <div className="small reason-text">Reason: {reason}</div>}
      {vote.error && vote.status === 'failed' && <div className="small">{vote.error}</div>}
      {undone && earlier && <div className="small">Your earlier vote ({earlier.choiceLabel}) still counts.</div>}
    </div>
  );
}
