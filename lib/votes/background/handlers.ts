import type { RequestHandlers } from '@/lib/messaging/contract';
import type { votesRequests } from '../contract';
import { castVote } from './castVote';
import { listProposals } from './listProposals';
import { retryVote } from './submitSignedVote';
import { tallyProposal } from './tallyProposal';

export const votesHandlers: RequestHandlers<typeof votesRequests> = {
  proposals: ({ tokenId }) => listProposals(tokenId),
  'cast-vote': ({ tokenId, proposalId, choice, reason }) => castVote(tokenId, proposalId, choice, reason),
  'retry-vote': ({ voteId }) => retryVote(voteId),
  tally: ({ tokenId, proposalId }) => tallyProposal(tokenId, proposalId),
};
