import type { RequestHandlers } from '@/lib/messaging/contract';
import type { lpRequests } from '../contract';
import { collectRewards } from './collectRewards';

export const lpHandlers: RequestHandlers<typeof lpRequests> = {
  'collect-rewards': ({ tokenId, staking }) => collectRewards(tokenId, staking),
};
