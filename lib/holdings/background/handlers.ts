import { follow, unfollow } from '@/lib/holdings/followsRepository';
import type { RequestHandlers } from '@/lib/messaging/contract';
import { UserFacingError } from '../../app/userFacingError';
import { readTabState } from '../../detect/background/tabStates';
import type { holdingsRequests } from '../contract';
import { refreshHoldings } from './refreshHoldings';
import { backgroundDeps } from '../../app/background/backgroundDeps';

export const holdingsHandlers: RequestHandlers<typeof holdingsRequests> = {
  refresh: ({ tokenIds }) => refreshHoldings(backgroundDeps(), tokenIds),

  follow: async ({ tabId }) => {
    const state = await readTabState(tabId);
    if (state?.status !== 'detected') throw new UserFacingError('This page does not declare a valid personal token.');
    await follow(backgroundDeps().db, {
      tokenId: state.tokenId,
      chainId: state.chainId,
      address: state.address,
      symbol: null,
      name: null,
      creatorName: state.creatorName,
      siteOrigin: state.origin,
      confirmation: state.confirmation,
      manifest: state.manifest,
      followedAt: Date.now(),
    });
    return { tokenId: state.tokenId };
  },

  unfollow: async ({ tokenId }) => {
    await unfollow(backgroundDeps().db, tokenId);
    return null;
  },
};
