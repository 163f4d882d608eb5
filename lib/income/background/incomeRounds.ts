// Income rounds of one creator: fetch (or take from the cache) the holder's entry in each claims
// file, then plan the distributor reads that ride in the refresh's one multicall.
import { getAddress, isAddressEqual, type Address } from 'viem';
import { erc20Abi } from '@/lib/chain/abis';
import type { CompanionDatabase } from '@/lib/db/database';
import type { IncomeRow, RoundView } from '@/lib/db/rows';
import {
  combinePlans,
  IncomeError,
  outcomeValue,
  planDistributionReads,
  roundState,
  type CachedClaimLookup,
  type DistributionReading,
  type ReadPlan,
} from '@/lib/income/core';
import { parseTokenId } from '@/lib/protocol/caip19';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { holderClaim } from './holderClaim';

export interface CreatorIncomeInput {
  tokenId: string;
  token: Address;
  manifest: PersonalTokenManifest;
  rounds: PersonalTokenManifest['distributions'];
  /** Per round id: the holder's lookup in its claims file, or why it could not be read. */
  lookups: Map<string, CachedClaimLookup | { error: string }>;
}

/** Fetches (or takes from the cache) the holder's entry in every round's claims file. */
export async function prepareIncome(
  db: CompanionDatabase,
  tokenId: string,
  manifest: PersonalTokenManifest,
  account: Address,
): Promise<CreatorIncomeInput> {
  const rounds = manifest.distributions;
  const lookups = new Map<string, CachedClaimLookup | { error: string }>();
  await Promise.all(
    rounds.map(async (round) => {
      try {
        lookups.set(round.id, await holderClaim(db, round.claimsUrl, account));
      } catch (error) {
        lookups.set(round.id, { error: error instanceof IncomeError ? error.message : 'The claims file could not be read.' });
      }
    }),
  );
  return { tokenId, token: parseTokenId(tokenId).address, manifest, rounds, lookups };
}

const paidToken = (input: CreatorIncomeInput, round: PersonalTokenManifest['distributions'][number]): Address =>
  round.token ? parseTokenId(round.token).address : input.token;

/** Distributor reads plus each paid token's symbol and decimals, for the refresh's one multicall. */
export function incomePlan(input: CreatorIncomeInput, account: Address): ReadPlan<IncomeRow['rounds']> {
  const claimOf = (id: string) => {
    const lookup = input.lookups.get(id);
    return lookup && 'claim' in lookup ? lookup.claim : null;
  };
  const distributions = planDistributionReads(
    input.rounds.map((r) => ({ id: r.id, distributor: r.distributor, index: claimOf(r.id)?.index ?? null })),
    account,
  );
  const tokens = [...new Set(input.rounds.map((r) => getAddress(paidToken(input, r))))];
  const metadata: ReadPlan<Map<string, { symbol: string | null; decimals: number | null }>> = {
    reads: tokens.flatMap((address) => [
      { address, abi: erc20Abi, functionName: 'symbol' },
      { address, abi: erc20Abi, functionName: 'decimals' },
    ]),
    decode: (outcomes) =>
      new Map(
        tokens.map((t, i) => [t, { symbol: outcomeValue<string>(outcomes[2 * i]), decimals: outcomeValue<number>(outcomes[2 * i + 1]) }]),
      ),
  };
  const combined = combinePlans(distributions, metadata);
  return {
    reads: combined.reads,
    decode: (outcomes) => {
      const [readings, meta] = combined.decode(outcomes);
      return input.rounds.map((round) => roundView(input, round, readings.get(round.id), meta.get(getAddress(paidToken(input, round)))));
    },
  };
}

function roundView(
  input: CreatorIncomeInput,
  round: PersonalTokenManifest['distributions'][number],
  reading: DistributionReading | undefined,
  meta: { symbol: string | null; decimals: number | null } | undefined,
): RoundView {
  const token = paidToken(input, round);
  const base = {
    id: round.id,
    title: round.title,
    date: round.date,
    tokenSymbol: meta?.symbol ?? '???',
    tokenDecimals: Number(meta?.decimals ?? 18),
    paidInCreatorToken: isAddressEqual(token, input.token),
    endsAt: round.endsAt ? Date.parse(round.endsAt) : null,
  };
  const lookup = input.lookups.get(round.id);
  if (!lookup || 'error' in lookup)
    return { ...base, status: 'unavailable', amount: null, message: lookup?.error ?? 'The claims file was not read.' };
  if (!reading) return { ...base, status: 'unavailable', amount: null, message: 'The distributor was not read.' };
  const state = roundState({ claim: lookup.claim, reading, expectedToken: token });
  const amount = 'claim' in state ? state.claim.amount.toString() : null;
  const message = state.status === 'refused' || state.status === 'unavailable' ? state.message : null;
  return { ...base, status: state.status, amount, message };
}
