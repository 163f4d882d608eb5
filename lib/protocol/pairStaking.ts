import type { Address } from 'viem';
import type { PersonalTokenManifest } from './manifestSchema';

// A pair's StakingRewards may be declared on the pair (`pairs[].staking`) or as a reward program
// (`rewards[]` of kind "staking-rewards", linked to the pair by its `pair`); both mean the same.
// The companion follows one StakingRewards per pair: the union of both declarations, one
// address, de-duplicated case-insensitively. crossCheckManifest refuses a second, different one.

export interface DeclaredStaking {
  /** The pair's address as the manifest lists it in `pairs`. */
  pair: string;
  address: Address;
  /** Where it was declared, for the validator's messages: "pairs[0].staking" or "rewards[1].address". */
  path: string;
}

/** Every staking declaration of listed pairs, in manifest order (pairs first), duplicates kept. */
export function stakingDeclarations(m: Pick<PersonalTokenManifest, 'pairs' | 'rewards'>): DeclaredStaking[] {
  const listed = new Map(m.pairs.map((p) => [p.address.toLowerCase(), p.address]));
  const fromPairs = m.pairs.flatMap((p, i) => (p.staking ? [{ pair: p.address, address: p.staking, path: `pairs[${i}].staking` }] : []));
  const fromRewards = m.rewards.flatMap((r, i) => {
    const pair = listed.get(r.pair.toLowerCase());
    return r.kind === 'staking-rewards' && pair ? [{ pair, address: r.address, path: `rewards[${i}].address` }] : [];
  });
  return [...fromPairs, ...fromRewards];
}

/** The StakingRewards of a listed pair, from either declaration (the first one when a bad manifest names two). */
export function stakingOfPair(m: Pick<PersonalTokenManifest, 'pairs' | 'rewards'>, pair: string): Address | undefined {
  return stakingDeclarations(m).find((s) => s.pair.toLowerCase() === pair.toLowerCase())?.address;
}
