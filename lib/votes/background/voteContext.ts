import type { Address } from 'viem';
import { chainById } from '@/lib/chain/knownChains';
import type { ChainConfig } from '@/lib/chain/types';
import type { CompanionDatabase } from '@/lib/db/database';
import { followOf } from '@/lib/holdings/followsRepository';
import { anyHoldingOfToken } from '@/lib/holdings/holdingsRepository';
import { parseTokenId } from '@/lib/protocol/caip19';
import { detectedTabOf } from '../../detect/background/tabStates';
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
export async function voteContext(db: CompanionDatabase, tokenId: string): Promise<VoteContext> {
  const manifest = (await followOf(db, tokenId))?.manifest ?? (await detectedTabOf(tokenId))?.manifest;
  const votes = manifest?.votes;
  if (!votes) throw new UserFacingError('This creator does not name a vote hub in their manifest.');
  const { chainId, address } = parseTokenId(tokenId);
  const chain = chainById(chainId);
  if (!chain) throw new UserFacingError(`Chain ${chainId} is not supported.`);
  const holding = await anyHoldingOfToken(db, tokenId);
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
