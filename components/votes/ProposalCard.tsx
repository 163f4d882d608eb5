import { useState } from 'react';
import type { VoteRow } from '@/lib/db/rows';
import { sendRequest } from '@/lib/messaging/requests';
import type { ProposalWithPower, VotingPowerView } from '@/lib/votes/contract';
import { formatTokenAmount, formatUntil } from '@/lib/format/format';
import { useNow } from '@/lib/app/ui/useNow';
import { MAX_REASON } from '@/lib/votes/core/buildVoteTypedData';
import { isReadyToSign } from '@/lib/votes/core/choices';
import { hubPowerDiffers } from '@/lib/votes/core/hubVotingPower';
import { startingDraft, votesToShow } from '@/lib/votes/core/voteDraft';
import { ChoiceInput, describeChoice, type Choice } from './ChoiceInput';
import { TallyPanel } from './TallyPanel';
import { VoteReceipt } from './VoteReceipt';
import { holderMessage } from '@/lib/errors/baseError';

interface ProposalCardProps {
  tokenId: string;
  item: ProposalWithPower;
  /** The holder's votes on this proposal, newest first (live from IndexedDB). */
  votes: VoteRow[];
  canSign: boolean;
}

/** One proposal: the power the holder had at its snapshot block, the choice, one-click signing. */
export function ProposalCard({ tokenId, item, votes, canSign }: ProposalCardProps) {
  const { proposal, power } = item;
  const now = useNow(30_000);
  const { recorded, attempt } = votesToShow(votes);
  const draft = startingDraft(votes, proposal.type, proposal.choices.length);
  const [choice, setChoice] = useState<Choice>(draft.choice);
  const [reason, setReason] = useState(draft.reason);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = attempt?.status === 'awaiting-signature' || attempt?.status === 'signed' || attempt?.status === 'submitting';
  // The button's accessible name always contains its visible words (WCAG 2.5.3), then which proposal.
  const signLabel =
    attempt?.status === 'awaiting-signature' ? 'Waiting for your wallet…' : inFlight ? 'Sending your vote…' : 'Sign your vote';
  const open = proposal.state === 'active';
  const hubVp = power?.hubVp ?? null;
  const noPower = power !== null && BigInt(power.amount) === 0n && !(hubVp !== null && hubVp > 0);
  const ready = isReadyToSign(proposal.type, choice, proposal.choices.length);

  // The rows arrive from IndexedDB after the first paint: a cancelled or refused attempt brings
  // its choice and reason back, unless the holder has already started a new one.
  const draftFrom = attempt?.status === 'cancelled' || attempt?.status === 'failed' ? attempt.id : null;
  const [draftSource, setDraftSource] = useState(draftFrom);
  if (draftSource !== draftFrom) {
    setDraftSource(draftFrom);
    if (!touched && draftFrom !== null) {
      setChoice(draft.choice);
      setReason(draft.reason);
    }
  }

  const pick = (next: Choice) => {
    setTouched(true);
    setChoice(next);
  };

  const sign = async () => {
    if (choice === null) return; // the button is disabled until a choice is made
    setError(null);
    setTouched(false);
    try {
      await sendRequest('cast-vote', { tokenId, proposalId: proposal.id, choice, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    } catch (e) {
      setError(holderMessage(e));
    }
  };

  return (
    <article className="card proposal" aria-labelledby={`proposal-${proposal.id}`} data-testid="proposal">
      <div className="proposal-head">
        <h3 id={`proposal-${proposal.id}`}>{proposal.title}</h3>
        <span className={`pill ${open ? 'ok' : 'muted-pill'}`}>
          {open ? `Open · ends ${formatUntil(proposal.end * 1000, now)}` : proposal.state === 'closed' ? 'Closed' : 'Not started'}
        </span>
      </div>
      <p className="small" data-testid="voting-power">
        {power
          ? `You held ${formatTokenAmount(BigInt(power.amount), power.decimals)} ${power.symbol} at block ${power.blockNumber.toLocaleString()}${BigInt(power.fromLiquidity) > 0n ? ` (${formatTokenAmount(BigInt(power.fromLiquidity), power.decimals)} in liquidity)` : ''}.`
          : 'Connect a wallet or watch an address to see your voting power.'}
      </p>
      {power && <PowerBasis power={power} />}
      {open && proposal.shielded && (
        <p className="small" data-testid="shielded">
          Votes on this proposal stay hidden until it ends, which this companion cannot do, so it will not ask your wallet to sign one.{' '}
          {proposal.pageUrl ? (
            <>
              Vote on {isSnapshotPage(proposal.pageUrl) ? 'Snapshot’s own site' : 'the vote hub’s own site'}:{' '}
              <a href={proposal.pageUrl} target="_blank" rel="noreferrer noopener">
                {linkText(proposal.pageUrl)}
              </a>
              .
            </>
          ) : (
            'Vote on the vote hub’s own site.'
          )}
        </p>
      )}
      {open && !proposal.shielded && (
        <>
          <ChoiceInput
            proposalId={proposal.id}
            type={proposal.type}
            choices={proposal.choices}
            value={choice}
            disabled={!canSign || inFlight}
            onChange={pick}
          />
          {canSign && (
            <label className="reason small">
              <span>Reason (optional, public with your vote)</span>
              <textarea
                rows={2}
                maxLength={MAX_REASON}
                value={reason}
                disabled={inFlight}
                onChange={(e) => {
                  setTouched(true);
                  setReason(e.target.value);
                }}
              />
            </label>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={!canSign || inFlight || !ready || noPower}
              onClick={() => void sign()}
              aria-label={
                signLabel === 'Sign your vote'
                  ? `Sign your vote on ${proposal.title}`
                  : `${signLabel} (Sign your vote on ${proposal.title})`
              }
            >
              {signLabel}
            </button>
          </div>
          {!canSign && <p className="muted small">Connect a wallet to vote: watch-only addresses cannot sign.</p>}
          {noPower && canSign && <p className="muted small">You held none at the snapshot block, so this vote would count for nothing.</p>}
          {ready && !inFlight && <p className="muted small">You are signing: {describeChoice(proposal.type, proposal.choices, choice)}</p>}
        </>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {recorded && <VoteReceipt vote={recorded} />}
      {attempt && <VoteReceipt vote={attempt} earlier={recorded} />}
      <TallyPanel key={proposal.votes} tokenId={tokenId} proposal={proposal} />
    </article>
  );
}

/** Where the figure above comes from, and the hub's own figure when it gives one and it differs. */
function PowerBasis({ power }: { power: VotingPowerView }) {
  const ours = BigInt(power.amount);
  const basis = `Counted by this companion from ${power.symbol} in your wallet${power.countsLiquidity ? ` and in your share of the ${power.symbol}/ETH pool` : ''}.`;
  if (power.hubVp === null)
    return (
      <p className="muted small" data-testid="power-basis">
        {basis}
      </p>
    );
  if (!hubPowerDiffers(ours, power.decimals, power.hubVp))
    return (
      <p className="muted small" data-testid="power-basis">
        {basis} The vote hub counts the same.
      </p>
    );
  return (
    <p className="small" data-testid="power-basis">
      {basis}{' '}
      <strong>
        The vote hub counts {new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(power.hubVp)} for you, this companion{' '}
        {formatTokenAmount(ours, power.decimals)} {power.symbol}:
      </strong>{' '}
      the space also counts other things (its strategies), and your vote weighs what the hub counts.
    </p>
  );
}

function isSnapshotPage(url: string): boolean {
  return url.startsWith('https://snapshot.org/');
}

function linkText(url: string): string {
  try {
    const { host } = new URL(url);
    return isSnapshotPage(url) ? 'open this proposal on snapshot.org' : host;
  } catch {
    return url;
  }
}
