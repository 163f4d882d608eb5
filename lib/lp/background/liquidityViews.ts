import type { ChainClient } from '@/lib/chain/createChainClient';
import type { Address } from 'viem';
import { tokenPriceInEthE18 } from '@/lib/holdings/core/valuation';
import type { CompanionDatabase } from '@/lib/db/database';
import type { LpEntryRow, LpView, ProgramView, SnapshotReadingRow } from '@/lib/db/rows';
import { runReadPlan } from '@/lib/income/core';
import { forgetLpEntry, lpEntryOf, saveLpEntry } from '@/lib/lp/lpEntriesRepository';
import {
  burnSupply,
  estimateSnapshotReward,
  impermanentLoss,
  lpEntryRecord,
  lpPosition,
  planSnapshotReads,
  projectEarned,
  yearlyRateBps,
  type LpReading,
  type SnapshotHolding,
} from '@/lib/lp/core';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { stakingOfPair } from '@/lib/protocol/pairStaking';

interface Context {
  db: CompanionDatabase;
  chainId: number;
  account: Address;
  blockNumber: bigint;
  blockTimestamp: bigint;
  tokenDecimals: number;
  tokenSymbol: string;
}

/** Positions as shown: underlying amounts, share, value, impermanent loss since first seen, staking. */
export async function liquidityViews(ctx: Context, readings: (LpReading | null)[]): Promise<LpView[]> {
  const views: LpView[] = [];
  for (const reading of readings) {
    if (!reading) continue;
    const position = lpPosition(reading, ctx.tokenDecimals);
    if (position.lpTotal === 0n && (reading.staking?.earned ?? 0n) === 0n) continue;
    const entry = await entryFor(ctx, reading, position.lpTotal);
    const pool = { tokenReserve: reading.tokenReserve, quoteReserve: reading.quoteReserve, lpSupply: burnSupply(reading) };
    const loss = entry && entry.blockNumber < ctx.blockNumber ? impermanentLoss(entry, position.lpTotal, pool, ctx.tokenDecimals) : null;
    const staking = reading.staking;
    const price = tokenPriceInEthE18({ tokenReserve: reading.tokenReserve, wethReserve: reading.quoteReserve }, ctx.tokenDecimals);
    const stakedValue = staking
      ? lpPosition({ ...reading, lpInWallet: staking.totalStaked, staking: null }, ctx.tokenDecimals).valueWei
      : 0n;
    views.push({
      pair: reading.pair,
      lpInWallet: position.lpInWallet.toString(),
      lpStaked: position.lpStaked.toString(),
      tokenAmount: position.tokenAmount.toString(),
      ethAmount: position.quoteAmount.toString(),
      shareE18: position.shareE18.toString(),
      valueWei: position.valueWei.toString(),
      impermanentLossBps: loss?.changeBps ?? null,
      entrySince: entry ? Number(entry.timestamp) : null,
      staking: staking && {
        address: staking.address,
        earned: projectEarned(staking, ctx.blockTimestamp).toString(),
        yearlyRateBps:
          yearlyRateBps({
            staking,
            now: ctx.blockTimestamp,
            rewardPriceEthE18: price,
            rewardDecimals: ctx.tokenDecimals,
            totalStakedValueWei: stakedValue,
          })?.toString() ?? null,
        periodFinish: Number(staking.periodFinish),
        rewardSymbol: ctx.tokenSymbol,
      },
    });
  }
  return views;
}

/** The first sighting of a position is kept as the base of impermanent loss; it goes when the LP does. */
async function entryFor(ctx: Context, reading: LpReading, lpTotal: bigint) {
  const stored = await lpEntryOf(ctx.db, ctx.account, reading.pair);
  if (lpTotal === 0n) {
    if (stored) await forgetLpEntry(ctx.db, ctx.account, reading.pair);
    return null;
  }
  if (stored) {
    return {
      chainId: stored.chainId,
      pair: stored.pair,
      account: stored.account,
      lp: BigInt(stored.lp),
      tokenAmount: BigInt(stored.tokenAmount),
      quoteAmount: BigInt(stored.quoteAmount),
      blockNumber: BigInt(stored.blockNumber),
      timestamp: BigInt(stored.timestamp),
    };
  }
  const record = lpEntryRecord(
    {
      chainId: ctx.chainId,
      pair: reading.pair,
      account: ctx.account,
      blockNumber: ctx.blockNumber,
      timestamp: ctx.blockTimestamp,
      lp: lpTotal,
    },
    { tokenReserve: reading.tokenReserve, quoteReserve: reading.quoteReserve, lpSupply: burnSupply(reading) },
  );
  const row: LpEntryRow = {
    account: ctx.account,
    pair: reading.pair,
    chainId: ctx.chainId,
    lp: record.lp.toString(),
    tokenAmount: record.tokenAmount.toString(),
    quoteAmount: record.quoteAmount.toString(),
    blockNumber: record.blockNumber.toString(),
    timestamp: record.timestamp.toString(),
  };
  await saveLpEntry(ctx.db, row);
  return record;
}

/**
 * Snapshot programs: the holder's LP at the start and end blocks (the current one until it ends).
 * `current` is each program's reading at `blockNumber` from the refresh's multicall; readings at past
 * blocks come from `previous` (the stored row) when it has them, else are read once here.
 */
export async function programViews(
  client: ChainClient,
  multicall3: Address,
  manifest: PersonalTokenManifest,
  account: Address,
  blockNumber: bigint,
  current: readonly (SnapshotHolding | null)[] = [],
  previous: readonly ProgramView[] = [],
): Promise<ProgramView[]> {
  const programs = manifest.rewards.filter((r) => r.kind === 'snapshot');
  return Promise.all(
    programs.map(async (program, k) => {
      const staking = stakingOfPair(manifest, program.pair);
      const ended = BigInt(program.endBlock) <= blockNumber;
      const started = BigInt(program.startBlock) <= blockNumber;
      const plan = planSnapshotReads(program.pair, account, staking);
      const key = [program.pair, staking ?? '-', program.startBlock, program.endBlock].join('|').toLowerCase();
      const kept = previous.find((p) => p.id === program.id && p.readings?.key === key)?.readings;
      const atBlock = async (block: number, stored: SnapshotReadingRow | null | undefined): Promise<SnapshotReadingRow | null> => {
        if (stored) return stored;
        const read = await runReadPlan(client, multicall3, plan, BigInt(block));
        return read && { block, holderLp: read.holderLp.toString(), lpSupply: read.lpSupply.toString() };
      };
      const [start, pastEnd] = await Promise.all([
        started ? atBlock(program.startBlock, kept?.start) : null,
        ended ? atBlock(program.endBlock, kept?.end) : null,
      ]);
      const now = ended ? null : (current[k] ?? (started ? await runReadPlan(client, multicall3, plan, blockNumber) : null));
      const end = pastEnd ? holdingOf(pastEnd) : now;
      const amount = BigInt(program.amount);
      return {
        id: program.id,
        title: program.title,
        amount: amount.toString(),
        estimate: start && end ? estimateSnapshotReward(amount, holdingOf(start), end).toString() : '0',
        startBlock: program.startBlock,
        endBlock: program.endBlock,
        ended,
        readings: { key, start, end: pastEnd },
      };
    }),
  );
}

const holdingOf = (r: SnapshotReadingRow): SnapshotHolding => ({ holderLp: BigInt(r.holderLp), lpSupply: BigInt(r.lpSupply) });
