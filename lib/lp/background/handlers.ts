import type { RequestHandlers } from '@/lib/messaging/contract';
import type { lpRequests } from '../contract';
import { collectRewards } from './collectRewards';
import { backgroundDeps } from '../../app/background/backgroundDeps';

export const lpHandlers: RequestHandlers<typeof lpRequests> = {
  'collect-rewards': ({ tokenId, staking }) => collectRewards(backgroundDeps(), tokenId, staking),
};
