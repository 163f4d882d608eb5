import type { RequestHandlers } from '@/lib/messaging/contract';
import type { incomeRequests } from '../contract';
import { claimRound } from './claimRound';
import { backgroundDeps } from '../../app/background/backgroundDeps';

export const incomeHandlers: RequestHandlers<typeof incomeRequests> = {
  claim: ({ tokenId, roundId }) => claimRound(backgroundDeps(), tokenId, roundId),
};
