import type { Address } from 'viem';
import { followOf } from '@/lib/holdings/followsRepository';
import { buildGetRewardCall } from '@/lib/lp/core';
import { parseTokenId } from '@/lib/protocol/caip19';
import { lowerAddress } from '@/lib/protocol/address';
import { UserFacingError } from '../../app/userFacingError';
import { sendTrackedTransaction, type TransactionDeps } from '../../wallet/sendTrackedTransaction';

/** `getReward()` on a StakingRewards the followed creator's manifest names; nothing else. */
export async function collectRewards(deps: TransactionDeps, tokenId: string, staking: string): Promise<{ transactionId: string }> {
  const manifest = (await followOf(deps.db, tokenId))?.manifest;
  const named = [
    ...(manifest?.pairs ?? []).map((p) => p.staking),
    ...(manifest?.rewards ?? []).flatMap((r) => (r.kind === 'staking-rewards' ? [r.address] : [])),
  ].filter((a): a is Address => Boolean(a));
  const target = named.find((a) => a.toLowerCase() === staking.toLowerCase());
  if (!target) throw new UserFacingError('This staking contract is not in the creator’s manifest; nothing was sent.');
  const title =
    manifest?.rewards.find((r) => r.kind === 'staking-rewards' && r.address.toLowerCase() === staking.toLowerCase())?.title ??
    'staking rewards';
  const call = buildGetRewardCall(target);
  return sendTrackedTransaction(deps, {
    kind: 'collect-rewards',
    tokenId,
    chainId: parseTokenId(tokenId).chainId,
    subject: lowerAddress(target),
    label: `Collect ${title}`,
    ...call,
  });
}
