import type { Address } from 'viem';
import { useVoteHistory } from '@/lib/votes/ui/useVoteHistory';
import { useEffect, useRef, useState } from 'react';
import { sendRequest } from '@/lib/messaging/requests';
import type { ProposalWithPower } from '@/lib/votes/contract';
import { Skeleton } from '../app/Skeleton';
import { ProposalCard } from './ProposalCard';

interface VotesPanelProps {
  tokenId: string;
  /** The connected wallet's account; null when watch-only. */
  walletAccount: Address | null;
  /** The account whose votes and power are shown (wallet first, else the watched address). */
  account: Address | null;
}

/** Open and past proposals of one creator, with the holder's votes kept in IndexedDB. Key it by
 *  token and account: a new key starts from the loading state. */
export function VotesPanel({ tokenId, walletAccount, account }: VotesPanelProps) {
  const [proposals, setProposals] = useState<ProposalWithPower[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const votes = useVoteHistory(account);
  // A vote the hub just recorded changes its figures (the vote count on "Re-check the tally"):
  // the list is read again then, not when the rows first load.
  const recorded = votes
    .filter((v) => v.status === 'submitted' && v.tokenId === tokenId)
    .map((v) => v.id)
    .join(',');
  const seen = useRef<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (seen.current !== null && seen.current !== recorded) setGeneration((g) => g + 1);
    seen.current = recorded;
  }, [recorded]);

  useEffect(() => {
    let current = true;
    sendRequest('proposals', { tokenId }).then(
      (list) => current && setProposals(list),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [tokenId, account, generation]);

  if (error)
    return (
      <p className="error small" role="alert">
        {error}
      </p>
    );
  if (!proposals) return <Skeleton lines={3} label="Loading proposals" />;
  if (proposals.length === 0) return <p className="empty">No proposals yet.</p>;
  return (
    <div className="proposals">
      {proposals.map((item) => (
        <ProposalCard
          key={item.proposal.id}
          tokenId={tokenId}
          item={item}
          canSign={walletAccount !== null}
          votes={votes.filter((v) => v.proposalId === item.proposal.id && v.tokenId === tokenId)}
        />
      ))}
    </div>
  );
}
