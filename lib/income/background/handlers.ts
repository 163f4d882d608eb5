import type { RequestHandlers } from '@/lib/messaging/contract';
import type { incomeRequests } from '../contract';
import { claimRound } from './claimRound';

export const incomeHandlers: RequestHandlers<typeof incomeRequests> = {
  claim: ({ tokenId, roundId }) => claimRound(tokenId, roundId),
};
