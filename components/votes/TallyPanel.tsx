import { useState } from 'react';
import { sendRequest } from '@/lib/messaging/requests';
import type { ProposalView, TallyProgressView, TallyView } from '@/lib/votes/contract';
import { useTallyProgress } from '@/lib/votes/ui/useTallyProgress';
import { formatTokenAmount } from '@/lib/format/format';
import { holderMessage } from '@/lib/errors/baseError';

const STAGE_TEXT: Record<TallyProgressView['stage'], string> = {
  proposal: 'Reading the proposal…',
  votes: 'Votes listed:',
  envelopes: 'Signed votes fetched:',
  signatures: 'Signatures checked:',
  power: 'Balances read at the snapshot block:',
};

/** Recomputes the result locally from signed votes and balances at the snapshot block. */
export function TallyPanel({ tokenId, proposal }: { tokenId: string; proposal: ProposalView }) {
  const [tally, setTally] = useState<TallyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const progress = useTallyProgress(proposal.id, busy);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setTally(await sendRequest('tally', { tokenId, proposalId: proposal.id }));
    } catch (e) {
      setError(holderMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!tally) {
    return (
      <div className="tally">
        <button
          type="button"
          className="secondary small-button"
          onClick={() => void run()}
          disabled={busy}
          aria-busy={busy}
          // The name starts with the visible text (WCAG 2.5.3, label in name), then says which proposal.
          aria-label={`${tallyButtonText(busy, proposal.votes)}: ${proposal.title}`}
        >
          {tallyButtonText(busy, proposal.votes)}
        </button>
        {busy && progress && (
          <p className="muted small" role="status" data-testid="tally-progress">
            {STAGE_TEXT[progress.stage]} {progress.done.toLocaleString()}
            {progress.total !== null ? ` of ${progress.total.toLocaleString()}` : ''}
          </p>
        )}
        {error && (
          <p className="error small" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  const total = BigInt(tally.scoresTotal);
  return (
    <div className="tally" data-testid="tally">
      <p className="small">
        <strong>
          {tally.signaturesChecked
            ? `Verified ${tally.verified} of ${tally.total} votes`
            : `Weights re-checked for ${tally.total} votes (this hub does not serve signatures)`}
        </strong>
        {tally.hubDisagrees ? ' · differs from what the hub reports' : ' · matches the hub'}
      </p>
      <ul className="scores">
        {proposal.choices.map((label, i) => {
          const score = BigInt(tally.scores[i] ?? '0');
          const share = total > 0n ? Number((score * 1000n) / total) / 10 : 0;
          return (
            <li key={i}>
              <span>{label}</span>
              <span className="muted small">
                {formatTokenAmount(score, tally.decimals)} {tally.symbol} · {share}%
              </span>
              <span className="bar" style={{ width: `${share}%` }} aria-hidden="true" />
            </li>
          );
        })}
      </ul>
      {tally.invalid.length > 0 && (
        <details open>
          <summary className="error small">
            {tally.invalid.length} invalid vote{tally.invalid.length > 1 ? 's' : ''} not counted
          </summary>
          <ul className="small">
            {tally.invalid.slice(0, 10).map((v) => (
              <li key={v.voter}>
                <code>{v.voter.slice(0, 10)}…</code> {v.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** "1 vote", "1,204 votes". */
function votesText(count: number): string {
  return `${count.toLocaleString()} vote${count === 1 ? '' : 's'}`;
}

function tallyButtonText(busy: boolean, votes: number): string {
  return busy ? `Checking ${votesText(votes)}…` : `Re-check the tally (${votesText(votes)})`;
}
