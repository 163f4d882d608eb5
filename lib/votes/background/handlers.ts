import type { RequestHandlers } from '@/lib/messaging/contract';
import type { votesRequests } from '../contract';
import { castVote } from './castVote';
import { listProposals } from './listProposals';
import { tallyProposal } from './tallyProposal';

export const votesHandlers: RequestHandlers<typeof votesRequests> = {
  proposals: ({ tokenId }) => listProposals(tokenId),
  'cast-vote': ({ tokenId, proposalId, choice }) => castVote(tokenId, proposalId, choice),
  tally: ({ tokenId, proposalId }) => tallyProposal(tokenId, proposalId),
};
