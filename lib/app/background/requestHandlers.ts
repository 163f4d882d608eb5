import { getAddress, isAddress } from 'viem';
import { follow, unfollow } from '@/lib/holdings/followsRepository';
import { clearAllData, readSettings, writeSetting } from '@/lib/settings/settingsRepository';
import { saveSitePrefs } from '@/lib/gates/sitePrefsRepository';
import type { RequestMap, RequestType } from '@/lib/messaging/requests';
import { chainById } from '@/lib/chain/knownChains';
import { refreshHoldings } from '../../holdings/background/refreshHoldings';
import { readTabState } from '../../detect/background/tabStates';
import { UserFacingError } from '../userFacingError';
import { backgroundDeps } from './backgroundDeps';
import { castVote } from '../../votes/background/castVote';
import { claimRound } from '../../income/background/claimRound';
import { collectRewards } from '../../lp/background/collectRewards';
import { listProposals } from '../../votes/background/listProposals';
import { tallyProposal } from '../../votes/background/tallyProposal';
import { connect, disconnect } from '../../wallet/walletHandlers';

export { UserFacingError };

type Handlers = { [T in RequestType]: (payload: RequestMap[T]['payload']) => Promise<RequestMap[T]['result']> };

export const requestHandlers: Handlers = {
  'tab-state': ({ tabId }) => readTabState(tabId),

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

  'set-watch-address': async ({ address }) => {
    const trimmed = address?.trim() || null;
    if (trimmed && !isAddress(trimmed, { strict: false })) {
      throw new UserFacingError('That is not an Ethereum address. It starts with 0x followed by 40 hexadecimal characters.');
    }
    if (trimmed && trimmed !== trimmed.toLowerCase() && !isAddress(trimmed, { strict: true })) {
      throw new UserFacingError('The address has a typo: its capital letters (checksum) do not match. Check it or paste it again.');
    }
    const value = trimmed ? getAddress(trimmed) : null;
    await writeSetting(backgroundDeps().db, 'watchAddress', value);
    return { address: value };
  },

  'set-rpc-urls': async ({ chainId, urls }) => {
    if (!chainById(chainId)) throw new UserFacingError(`Chain ${chainId} is not supported.`);
    const cleaned = urls.map((url) => url.trim()).filter(Boolean);
    for (const url of cleaned) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        // reported below
      }
      if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        throw new UserFacingError(`"${url.slice(0, 80)}" is not an http(s) URL.`);
      }
    }
    const settings = await readSettings(backgroundDeps().db);
    const rpcUrls = { ...settings.rpcUrls };
    if (cleaned.length) rpcUrls[chainId] = cleaned;
    else delete rpcUrls[chainId];
    await writeSetting(backgroundDeps().db, 'rpcUrls', rpcUrls);
    return { urls: cleaned };
  },

  'clear-all-data': async () => {
    await disconnect().catch(() => undefined); // the wallet's own "connected" flag goes too
    await clearAllData(backgroundDeps().db);
    return null;
  },

  'wallet-connect': () => connect(),
  'wallet-disconnect': () => disconnect(),
  proposals: ({ tokenId }) => listProposals(backgroundDeps(), tokenId),
  'cast-vote': ({ tokenId, proposalId, choice }) => castVote(backgroundDeps(), tokenId, proposalId, choice),
  tally: ({ tokenId, proposalId }) => tallyProposal(backgroundDeps(), tokenId, proposalId),
  claim: ({ tokenId, roundId }) => claimRound(backgroundDeps(), tokenId, roundId),
  'collect-rewards': ({ tokenId, staking }) => collectRewards(backgroundDeps(), tokenId, staking),
  'show-page-card': async ({ tabId }) => {
    const state = await readTabState(tabId);
    if (!state) throw new UserFacingError('This tab has no creator page open.');
    await saveSitePrefs(backgroundDeps().db, state.origin, { companionDismissed: false });
    return null;
  },
};
