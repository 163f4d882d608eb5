import { follow, unfollow } from '@/lib/holdings/followsRepository';
import type { RequestHandlers } from '@/lib/messaging/contract';
import { UserFacingError } from '../../app/userFacingError';
import { readTabState } from '../../detect/background/tabStates';
import type { holdingsRequests } from '../contract';
import { refreshDueLists } from '../../lists/background/refreshLists';
import { followListed } from './followListed';
import { refreshWithDiscovery } from './refreshWithDiscovery';
import { backgroundDeps } from '../../app/background/backgroundDeps';

export const holdingsHandlers: RequestHandlers<typeof holdingsRequests> = {
  refresh: ({ tokenIds }) => {
    // Lists due for their daily fetch are fetched beside the refresh, not before it: a slow list
    // server never delays the figures, the next refresh uses the new copy.
    void refreshDueLists(backgroundDeps().db).catch(() => undefined);
    return refreshWithDiscovery(backgroundDeps(), tokenIds);
  },

  'follow-listed': ({ tokenId }) => followListed(backgroundDeps().db, tokenId),

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
