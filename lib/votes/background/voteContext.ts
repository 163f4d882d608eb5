import type { Address } from 'viem';
import { browser } from 'wxt/browser';
import { chainById } from '@/lib/chain/knownChains';
import type { ChainConfig } from '@/lib/chain/types';
import { database } from '@/lib/db/database';
import type { TabState } from '@/lib/detect/tabState';
import { parseTokenId } from '@/lib/protocol/caip19';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { UserFacingError } from '../../app/userFacingError';

export interface VoteContext {
  tokenId: string;
  token: Address;
  chain: ChainConfig;
  hub: string;
  space: string;
  countLiquidity: boolean;
  symbol: string;
}

/**
 * Where a creator's votes live, from the manifest we validated: the followed creator's, or the
 * one an open tab declared. Never from the popup's word.
 */
export async function voteContext(tokenId: string): Promise<VoteContext> {
  const manifest = (await database().follows.get(tokenId))?.manifest ?? (await manifestFromTabs(tokenId));
  const votes = (manifest as PersonalTokenManifest | null)?.votes;
  if (!votes) throw new UserFacingError('This creator does not name a vote hub in their manifest.');
  const { chainId, address } = parseTokenId(tokenId);
  const chain = chainById(chainId);
  if (!chain) throw new UserFacingError(`Chain ${chainId} is not supported.`);
  const holding = await database().holdings.where('tokenId').equals(tokenId).first();
  return {
    tokenId,
    token: address,
    chain,
    hub: votes.hub,
    space: votes.space,
    countLiquidity: votes.countLiquidity ?? false,
    symbol: holding?.latest.symbol ?? 'tokens',
  };
}

async function manifestFromTabs(tokenId: string): Promise<unknown> {
  const all = (await browser.storage.session.get(null)) as Record<string, TabState | undefined>;
  const state = Object.values(all).find((s) => s?.status === 'detected' && s.tokenId === tokenId);
  return state?.status === 'detected' ? state.manifest : null;
}
