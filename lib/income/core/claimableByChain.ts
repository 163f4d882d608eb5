import type { FollowRow, IncomeRow } from '@/lib/db/rows';

export interface ChainClaimable {
  chainId: number;
  /** Claimable rounds across every followed creator on the chain. */
  rounds: number;
  creators: number;
}

/**
 * Per chain, how many rounds the holder could claim now across followed creators (from the last
 * refresh): where "Claim everything" is offered. Chains in the order their creators were followed.
 */
export function claimableByChain(
  income: readonly IncomeRow[],
  follows: readonly Pick<FollowRow, 'tokenId' | 'chainId'>[],
): ChainClaimable[] {
  const byChain = new Map<number, ChainClaimable>();
  for (const follow of follows) {
    const row = income.find((r) => r.tokenId === follow.tokenId);
    const rounds = row?.rounds.filter((r) => r.status === 'claimable' && r.amount !== null).length ?? 0;
    if (rounds === 0) continue;
    const entry = byChain.get(follow.chainId) ?? { chainId: follow.chainId, rounds: 0, creators: 0 };
    entry.rounds += rounds;
    entry.creators += 1;
    byChain.set(follow.chainId, entry);
  }
  return [...byChain.values()];
}
