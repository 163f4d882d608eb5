import '../../protocol/zodNoEval';
import { z } from 'zod';
import { formatUnits } from 'viem';
import { hubRequest, type HubHttpOptions } from './hubHttp';
import { graphqlResponseSchema } from './hubSchemas';

// The hub's own figure for a voter's power on a proposal: Snapshot's
// `vp(voter, space, proposal) { vp }` (hub.snapshot.org/graphql), computed from the space's
// strategies, which may count more than the token and its pool (delegation, other tokens, NFTs).
// The companion reads power from the chain itself; this is only compared with it and shown.

export const VP_QUERY =
  'query Vp($voter: String!, $space: String!, $proposal: String) { vp(voter: $voter, space: $space, proposal: $proposal) { vp vp_state } }';

const vpSchema = z.object({ vp: z.number().nonnegative().finite(), vp_state: z.string().max(32).nullish() }).nullable();

/**
 * The hub's voting power for `voter` on `proposal`, in whole tokens (a float, as Snapshot sends
 * it), or null when the hub does not say (no `vp` query, an error, a timeout): the card then shows
 * the companion's own figure alone.
 */
export async function hubVotingPower(
  hub: string,
  where: { voter: string; space: string; proposal: string },
  options: HubHttpOptions = {},
): Promise<number | null> {
  try {
    const base = hub.replace(/\/+$/, '');
    const answer = await hubRequest(
      `${base}/graphql`,
      { method: 'POST', body: { query: VP_QUERY, variables: where }, maxBytes: 16 << 10 },
      options,
    );
    if (!answer.ok) return null;
    const parsed = graphqlResponseSchema('vp', vpSchema).safeParse(answer.json);
    if (!parsed.success || parsed.data.errors?.length) return null;
    return (parsed.data.data?.vp as z.output<typeof vpSchema> | undefined)?.vp ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether the hub's figure (whole tokens, a float) differs from the companion's (base units)
 * by more than float rounding: relative 1e-9, and at least one base unit.
 */
export function hubPowerDiffers(ours: bigint, decimals: number, hubVp: number): boolean {
  const mine = Number(formatUnits(ours, decimals));
  const tolerance = Math.max(Math.abs(mine), Math.abs(hubVp)) * 1e-9;
  return Math.abs(mine - hubVp) > Math.max(tolerance, 10 ** -decimals);
}
