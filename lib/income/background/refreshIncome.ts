import type { ChainClient } from '@/lib/chain/createChainClient';
import type { Address } from 'viem';
import type { ChainSnapshot } from '@/lib/chain/readChainSnapshot';
import type { ChainConfig } from '@/lib/chain/types';
import type { CompanionDatabase } from '@/lib/db/database';
import type { FollowRow } from '@/lib/db/rows';
import { combinePlans, type ReadPlan } from '@/lib/income/core';
import { incomeOf, saveIncome } from '@/lib/income/incomeRepository';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { creatorPlan, type CreatorReading } from './creatorPlan';
import { prepareIncome, type CreatorIncomeInput } from './incomeRounds';
import { liquidityViews, programViews } from '../../lp/background/liquidityViews';

/** The followed creators whose manifest names rounds, pairs or rewards. */
const withIncome = (f: FollowRow): f is FollowRow & { manifest: PersonalTokenManifest } =>
  Boolean(f.manifest && (f.manifest.distributions.length || f.manifest.pairs.length || f.manifest.rewards.length));

export interface IncomeRefresh {
  inputs: CreatorIncomeInput[];
  /** To pass to readChainSnapshot, so income and liquidity ride in the holdings multicall. */
  plan: ReadPlan<CreatorReading[]> | undefined;
}

/** Claims files first (HTTP to the creators' sites, cached), then one plan for the chain. */
export async function prepareIncomeRefresh(
  db: CompanionDatabase,
  follows: FollowRow[],
  chain: ChainConfig,
  account: Address | null,
): Promise<IncomeRefresh> {
  if (!account) return { inputs: [], plan: undefined };
  const creators = follows.filter(withIncome).filter((f) => f.chainId === chain.chainId);
  const inputs = await Promise.all(creators.map((f) => prepareIncome(db, f.tokenId, f.manifest, account)));
  return {
    inputs,
    plan: inputs.length
      ? (combinePlans(...inputs.map((input) => creatorPlan(input, chain, account))) as ReadPlan<CreatorReading[]>)
      : undefined,
  };
}

/** Turns the decoded readings into what the popup shows, and stores it per account and creator. */
export async function storeIncome(
  db: CompanionDatabase,
  client: ChainClient,
  chain: ChainConfig,
  account: Address,
  refresh: IncomeRefresh,
  snapshot: ChainSnapshot & { extra: CreatorReading[] | null },
  fetchedAt: number,
): Promise<void> {
  const readings = snapshot.extra;
  if (!readings) return;
  const rows = await Promise.all(
    refresh.inputs.map(async (input, k) => {
      const reading = readings[k];
      if (!reading) throw new Error(`The multicall returned no reading for ${input.tokenId}.`);
      const token = snapshot.tokens.find((t) => t.address.toLowerCase() === input.token.toLowerCase());
      const ctx = {
        db,
        chainId: chain.chainId,
        account,
        blockNumber: snapshot.blockNumber,
        blockTimestamp: snapshot.blockTimestamp,
        tokenDecimals: token?.decimals ?? 18,
        tokenSymbol: token?.symbol ?? 'tokens',
      };
      return {
        account,
        tokenId: input.tokenId,
        rounds: reading.rounds,
        positions: await liquidityViews(ctx, reading.pairs),
        programs: await programViews(
          client,
          chain.multicall3,
          input.manifest,
          account,
          snapshot.blockNumber,
          reading.programs,
          (await incomeOf(db, account, input.tokenId))?.programs,
        ).catch(() => []),
        blockNumber: snapshot.blockNumber.toString(),
        fetchedAt,
      };
    }),
  );
  await saveIncome(db, rows);
}
