import type { RequestHandlers } from '@/lib/messaging/contract';
import type { votesRequests } from '../contract';
import { castVote } from './castVote';
import { listProposals } from './listProposals';
import { retryVote } from './submitSignedVote';
import { tallyProposal } from './tallyProposal';
import { backgroundDeps } from '../../app/background/backgroundDeps';

export const votesHandlers: RequestHandlers<typeof votesRequests> = {
  proposals: ({ tokenId }) => listProposals(backgroundDeps(), tokenId),
  'cast-vote': ({ tokenId, proposalId, choice, reason }) => castVote(backgroundDeps(), tokenId, proposalId, choice, reason),
  'retry-vote': ({ voteId }) => retryVote(backgroundDeps(), voteId),
  tally: ({ tokenId, proposalId }) => tallyProposal(backgroundDeps(), tokenId, proposalId),
};
