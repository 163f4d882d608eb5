import type { Address } from 'viem';
import { database } from '@/lib/db/database';
import { buildGetRewardCall } from '@/lib/lp/core';
import { parseTokenId } from '@/lib/protocol/caip19';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { UserFacingError } from '../../app/userFacingError';
import { sendTrackedTransaction } from '../../wallet/sendTrackedTransaction';

/** `getReward()` on a StakingRewards the followed creator's manifest names; nothing else. */
export async function collectRewards(tokenId: string, staking: string): Promise<{ transactionId: string }> {
  const manifest = (await database().follows.get(tokenId))?.manifest as PersonalTokenManifest | null | undefined;
  const named = [
    ...(manifest?.pairs ?? []).map((p) => p.staking),
    ...(manifest?.rewards ?? []).flatMap((r) => (r.kind === 'staking-rewards' ? [r.address] : [])),
  ].filter((a): a is `0x${string}` => Boolean(a));
  const target = named.find((a) => a.toLowerCase() === staking.toLowerCase());
  if (!target) throw new UserFacingError('This staking contract is not in the creator’s manifest; nothing was sent.');
  const title = manifest?.rewards.find((r) => r.kind === 'staking-rewards' && r.address.toLowerCase() === staking.toLowerCase())?.title ?? 'staking rewards';
  const call = buildGetRewardCall(target as Address);
  return sendTrackedTransaction({ kind: 'collect-rewards', tokenId, chainId: parseTokenId(tokenId).chainId, subject: target.toLowerCase(), label: `Collect ${title}`, ...call });
}
