import { parseTokenId } from './caip19';
import type { PersonalTokenManifest } from './manifestSchema';
import { stakingDeclarations } from './pairStaking';
import type { ValidationError } from './validationError';

// Rules between fields of an already well-formed manifest. They run after the schema so each
// can rely on correct shapes, and they are not in the JSON Schema (it cannot express them).

export function crossCheckManifest(m: PersonalTokenManifest): ValidationError[] {
  const errors: ValidationError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });

  for (const section of ['distributions', 'rewards', 'gates', 'offers'] as const) {
    const seen = new Map<string, number>();
    m[section].forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first === undefined) seen.set(entry.id, i);
      else add(`${section}[${i}].id`, `"${entry.id}" is already used by ${section}[${first}]; ids must be unique within ${section}`);
    });
  }

  m.offers.forEach((offer, i) => {
    if (BigInt(offer.price) === 0n)
      add(`offers[${i}].price`, 'is 0; an offer costs at least one base unit (use a gate for what holders get for free)');
  });

  const pairs = new Map<string, number>();
  m.pairs.forEach((p, i) => {
    const key = p.address.toLowerCase();
    const first = pairs.get(key);
    if (first === undefined) pairs.set(key, i);
    else add(`pairs[${i}].address`, `${p.address} is already listed as pairs[${first}]`);
  });

  const chainId = parseTokenId(m.token).chainId;
  const sameChain = (path: string, token: string | undefined) => {
    if (token === undefined) return;
    const other = parseTokenId(token).chainId;
    if (other !== chainId)
      add(
        path,
        `is on chain ${other} but the manifest's token is on chain ${chainId}; contracts in one manifest live on the token's chain`,
      );
  };

  m.distributions.forEach((d, i) => sameChain(`distributions[${i}].token`, d.token));
  m.rewards.forEach((r, i) => {
    if (!pairs.has(r.pair.toLowerCase())) {
      add(`rewards[${i}].pair`, `${r.pair} is not one of the manifest's pairs; add it to "pairs" first`);
    }
    if (r.kind === 'snapshot') {
      sameChain(`rewards[${i}].token`, r.token);
      if (r.endBlock <= r.startBlock) add(`rewards[${i}].endBlock`, `must be after startBlock (${r.startBlock}), got ${r.endBlock}`);
    }
  });

  // pairs[].staking and a "staking-rewards" reward for the same pair are one declaration said
  // twice (pairStaking.ts); two different contracts for one pair are not followed.
  const stakingOf = new Map<string, { address: string; path: string }>();
  for (const s of stakingDeclarations(m)) {
    const first = stakingOf.get(s.pair.toLowerCase());
    if (!first) stakingOf.set(s.pair.toLowerCase(), s);
    else if (first.address.toLowerCase() !== s.address.toLowerCase()) {
      add(
        s.path,
        `${s.address} is a second staking contract for pair ${s.pair}, which ${first.path} already gives as ${first.address}; the companion follows one StakingRewards per pair (declare it in pairs[].staking, in rewards[], or in both with the same address)`,
      );
    }
  }
  return errors;
}
