import { useState } from 'react';
import type { VoteRow } from '@/lib/db/rows';
import { reasonOf } from '@/lib/votes/core/voteDraft';
import { sendRequest } from '@/lib/messaging/requests';

const STATUS_TEXT: Record<VoteRow['status'], string> = {
  'awaiting-signature': 'Waiting for your signature in the wallet…',
  signed: 'Signed; sending to the vote hub…',
  submitting: 'Sending to the vote hub…',
  submitted: 'Vote recorded',
  cancelled: 'You cancelled in your wallet. Nothing was sent.',
  failed: 'The vote did not go through',
};

/**
 * One vote on a proposal: where it is, the hub's receipt once it has one, and, while the hub has
 * not taken a signed vote, what went wrong and a way to send it again now. `earlier` is the vote
 * the hub recorded before this attempt: a cancelled or failed attempt leaves it counting.
 */
export function VoteReceipt({ vote, earlier }: { vote: VoteRow; earlier?: VoteRow | undefined }) {
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const waiting = (vote.status === 'signed' || vote.status === 'submitting') && vote.error !== null;
  const tone = vote.status === 'submitted' ? 'ok' : vote.status === 'failed' || waiting ? 'error' : 'muted';
  const reason = reasonOf(vote);
  const undone = vote.status === 'cancelled' || vote.status === 'failed';
  const retry = async () => {
    setRetrying(true);
    setRetryError(null);
    try {
      await sendRequest('retry-vote', { voteId: vote.id });
    } catch (e) {
      setRetryError(e instanceof Error ? e.message : String(e));
    } finally {
      setRetrying(false);
    }
  };
  return (
    <div className={`receipt ${tone}`} role="status" data-testid="vote-receipt" data-status={vote.status}>
      <strong>{waiting && vote.status === 'signed' ? 'Signed, but the vote hub has not taken it yet' : STATUS_TEXT[vote.status]}</strong>
      {vote.status === 'submitted' && (
        <span className="small">
          {' '}
          · {vote.choiceLabel}
          {vote.receipt && (
            <>
              {' '}
              · receipt <code title={vote.receipt}>{vote.receipt.slice(0, 10)}…</code>
            </>
          )}
        </span>
      )}
      {vote.status === 'submitted' && reason && <div className="small reason-text">Reason: {reason}</div>}
      {vote.error && (vote.status === 'failed' || waiting) && (
        <div className="small" data-testid="vote-error">
          {vote.error}
        </div>
      )}
      {waiting && (
        <div className="actions">
          <button
            type="button"
            className="secondary small-button"
            onClick={() => void retry()}
            disabled={retrying || vote.status === 'submitting'}
            aria-busy={retrying}
          >
            {retrying || vote.status === 'submitting' ? 'Sending…' : 'Retry now'}
          </button>
        </div>
      )}
      {retryError && (
        <div className="small" role="alert">
          {retryError}
        </div>
      )}
      {undone && earlier && <div className="small">Your earlier vote ({earlier.choiceLabel}) still counts.</div>}
    </div>
  );
}
