import { useState } from 'react';
import type { VoteRow } from '@/lib/db/rows';
import { sendRequest } from '@/lib/messaging/requests';
import type { ProposalWithPower } from '@/lib/votes/contract';
import { formatTokenAmount, formatUntil } from '@/lib/format/format';
import { useNow } from '@/lib/app/ui/useNow';
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
  const [choice, setChoice] = useState<Choice>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = votes[0];
  const inFlight = latest?.status === 'awaiting-signature' || latest?.status === 'signed' || latest?.status === 'submitting';
  const open = proposal.state === 'active';
  const noPower = power !== null && BigInt(power.amount) === 0n;

  const sign = async () => {
    if (choice === null) return; // the button is disabled until a choice is made
    setError(null);
    try {
      await sendRequest('cast-vote', { tokenId, proposalId: proposal.id, choice });
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
      {open && (
        <>
          <ChoiceInput proposalId={proposal.id} type={proposal.type} choices={proposal.choices} value={choice} disabled={!canSign || inFlight} onChange={setChoice} />
          <div className="actions">
            <button type="button" className="primary" disabled={!canSign || inFlight || choice === null || noPower} onClick={() => void sign()}
              aria-label={`Sign your vote on ${proposal.title}`}>
              {inFlight ? 'Waiting for your wallet…' : 'Sign vote'}
            </button>
          </div>
          {!canSign && <p className="muted small">Connect a wallet to vote: watch-only addresses cannot sign.</p>}
          {noPower && canSign && <p className="muted small">You held none at the snapshot block, so this vote would count for nothing.</p>}
          {choice !== null && !inFlight && <p className="muted small">You are signing: {describeChoice(proposal.type, proposal.choices, choice)}</p>}
        </>
      )}
      {error && <p className="error small" role="alert">{error}</p>}
      {latest && <VoteReceipt vote={latest} />}
      <TallyPanel tokenId={tokenId} proposal={proposal} />
    </article>
  );
}
