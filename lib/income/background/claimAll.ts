import { BaseError, decodeEventLog, getAddress, isAddressEqual, type Address, type Hex } from 'viem';
import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { chainById } from '@/lib/chain/knownChains';
import { address } from '@/lib/protocol/fields';
import { parseUnknown } from '@/lib/protocol/parseJsonText';
import type { ChainConfig } from '@/lib/chain/types';
import { listFollows } from '@/lib/holdings/followsRepository';
import { parseTokenId } from '@/lib/protocol/caip19';
import { lowerAddress } from '@/lib/protocol/address';
import { readSettings } from '@/lib/settings/settingsRepository';
import {
  buildClaimAllCall,
  claimCalls,
  decodeClaimAllResult,
  merkleDistributorAbi,
  planDistributionReads,
  roundState,
  runReadPlan,
  totalsByToken,
  type BatchRound,
  type TokenTotal,
} from '@/lib/income/core';
import { saveTransaction, transactionById, updateTransaction } from '@/lib/wallet/transactionsRepository';
import { WalletError } from '@/lib/wallet/walletError';
import { keepAliveWhile } from '@/lib/wallet/keepAlive';
import type { TransactionRow } from '@/lib/db/rows';
import type { BackgroundDeps } from '../../app/background/backgroundDeps';
import { UserFacingError } from '../../app/userFacingError';
import { followTransaction, sendTrackedTransaction } from '../../wallet/sendTrackedTransaction';
import { holderClaim } from './holderClaim';

export type ClaimAllDeps = Pick<BackgroundDeps, 'db' | 'clientFor' | 'wallet'>;

/** One round of the batch as the holder sees it before signing. */
export interface ClaimAllRound {
  tokenId: string;
  roundId: string;
  title: string;
  token: Address;
  amount: bigint;
  /** The simulation's verdict; a round that would fail is shown with its reason and left out. */
  simulated: { ok: true } | { ok: false; reason: string };
}

export interface ClaimAllPreview {
  chainId: number;
  /** `multicall`: one aggregate3 transaction; `wallet-batch`: one EIP-5792 wallet_sendCalls batch. */
  via: 'multicall' | 'wallet-batch';
  rounds: ClaimAllRound[];
  /** Of the rounds that would land. */
  totals: TokenTotal[];
}

/** What `subject` of a claim-all row holds: enough to read each round back after the receipt. */
const batchEntriesSchema = z.array(
  z.object({
    tokenId: z.string(),
    roundId: z.string(),
    title: z.string(),
    distributor: address('The distributor the claim was sent to.'),
    index: z.string().regex(/^\d+$/),
    /** Base units and paid token; absent on records made before they were kept. */
    amount: z.string().regex(/^\d+$/).optional(),
    token: address('The token the round pays.').optional(),
    /** Left out of the transaction: the simulation at send time said it would fail, and why. */
    skipped: z.string().optional(),
  }),
);
type BatchEntry = z.infer<typeof batchEntriesSchema>[number];

/**
 * Every claimable round of every followed creator on `chainId`, re-derived from the manifests,
 * the claims files and the chain (proofs checked against the roots read now), and the batch
 * simulated from the holder's account.
 */
export async function previewClaimAll(deps: ClaimAllDeps, chainId: number): Promise<ClaimAllPreview> {
  const { chain, account, client, batch } = await claimableOnChain(deps, chainId);
  const outcomes = batch.length ? await simulate(client, account, chain, batch) : [];
  const rounds = batch.map((r, i) => ({
    tokenId: r.tokenId,
    roundId: r.roundId,
    title: r.title,
    token: r.token,
    amount: r.claim.amount,
    simulated: simulatedVerdict(outcomes[i]),
  }));
  const via = (await deps.wallet.supportsAtomicBatch(chainId)) ? 'wallet-batch' : 'multicall';
  return { chainId, via, rounds, totals: totalsByToken(batch.filter((_, i) => outcomes[i]?.ok)) };
}

function simulatedVerdict(outcome: { ok: true } | { ok: false; reason: string } | undefined): ClaimAllRound['simulated'] {
  if (!outcome) return { ok: false, reason: 'not simulated' };
  return outcome.ok ? outcome : { ok: false, reason: claimFailureReason(outcome.reason) };
}

/**
 * Claims every round the simulation says would land, in one transaction: the wallet's own atomic
 * batch when it reports one, else Multicall3 aggregate3 with allowFailure per round. Saved before
 * the wallet opens and followed to its receipt like every other transaction.
 */
export async function claimAll(
  deps: ClaimAllDeps,
  chainId: number,
  /** The rounds of the summary the holder confirmed: any no longer claimable is named in the record. */
  seen: readonly RoundKey[] = [],
): Promise<{ transactionId: string }> {
  const { chain, account, client, batch, settled } = await claimableOnChain(deps, chainId);
  if (!batch.length) throw new UserFacingError('Nothing is waiting to be claimed on this chain.');
  const outcomes = await simulate(client, account, chain, batch);
  const landing = batch.filter((_, i) => outcomes[i]?.ok);
  if (!landing.length)
    throw new UserFacingError(
      `None of the rounds would be paid right now, so nothing was sent: ${outcomes.map((o) => (o.ok ? '' : o.reason)).join('; ')}.`,
    );
  // Rounds the holder saw in the summary but that would fail now (claimed in between) are kept in
  // the record with their reason, so the outcome names them too.
  const entries: BatchEntry[] = batch.map((r, i) => {
    const outcome = outcomes[i];
    return {
      tokenId: r.tokenId,
      roundId: r.roundId,
      title: r.title,
      distributor: r.distributor,
      index: r.claim.index.toString(),
      amount: r.claim.amount.toString(),
      token: getAddress(r.token),
      ...(outcome?.ok ? {} : { skipped: outcome?.reason ?? 'not simulated' }),
    };
  });
  // Seen in the summary, gone since (claimed in between, most often): kept, in the summary's order.
  const sameRound = (a: RoundKey) => (b: RoundKey) => a.tokenId === b.tokenId && a.roundId === b.roundId;
  for (const key of seen) {
    if (entries.some(sameRound(key))) continue;
    const gone = settled.find(sameRound(key));
    if (gone) entries.push(gone);
  }
  const order = (e: RoundKey) => {
    const i = seen.findIndex(sameRound(e));
    return i === -1 ? seen.length : i;
  };
  entries.sort((a, b) => order(a) - order(b));
  const label = `Claim ${landing.length} round${landing.length === 1 ? '' : 's'}`;
  const call = buildClaimAllCall(chain.multicall3, landing);
  const tracked = { kind: 'claim-all' as const, tokenId: `eip155:${chainId}`, chainId, subject: JSON.stringify(entries), label, ...call };
  if (!(await deps.wallet.supportsAtomicBatch(chainId))) return sendTrackedTransaction(deps, tracked);

  // The wallet's own batch: saved the same way before it opens, its hash recorded when it lands.
  const nonce = await client.getTransactionCount({ address: account, blockTag: 'pending' }).catch(() => undefined);
  const now = Date.now();
  const row: TransactionRow = {
    ...tracked,
    id: crypto.randomUUID(),
    account: lowerAddress(account),
    hash: null,
    nonce,
    status: 'awaiting-signature',
    error: null,
    createdAt: now,
    updatedAt: now,
  };
  await saveTransaction(deps.db, row);
  let batchId: string;
  try {
    batchId = await keepAliveWhile(deps.wallet.sendCalls(chainId, claimCalls(landing)));
  } catch (error) {
    const cancelled = error instanceof WalletError && error.kind === 'cancelled';
    const message = error instanceof WalletError ? error.message : 'The wallet could not send the batch.';
    await updateTransaction(deps.db, row.id, { status: cancelled ? 'cancelled' : 'failed', error: message });
    if (cancelled) return { transactionId: row.id };
    throw new UserFacingError(message);
  }
  void followWalletBatch(deps, row.id, batchId);
  return { transactionId: row.id };
}

/** Polls the wallet until the batch has a transaction hash, then follows it like any other. */
async function followWalletBatch(deps: ClaimAllDeps, id: string, batchId: string): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    try {
      const status = await deps.wallet.callsStatus(batchId);
      const hash = status.transactionHashes.at(-1);
      if (status.status >= 400) {
        await updateTransaction(deps.db, id, {
          status: 'failed',
          hash: hash ?? null,
          error: 'Your wallet reports that the batch failed; nothing was claimed by it.',
        });
        return;
      }
      if (hash) {
        await updateTransaction(deps.db, id, { status: 'pending', hash });
        await followTransaction(deps, id);
        return;
      }
    } catch {
      // the wallet may be busy; ask again
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await updateTransaction(deps.db, id, { error: 'Your wallet has not reported the batch yet; check it in your wallet.' });
}

export interface RoundKey {
  tokenId: string;
  roundId: string;
}

export type RoundResult = { status: 'claimed'; by: 'this-transaction' | 'earlier' } | { status: 'not-claimed'; reason: string };

export interface ClaimAllOutcome {
  transaction: TransactionRow;
  rounds: (Pick<BatchEntry, 'tokenId' | 'roundId' | 'title' | 'amount' | 'token'> & { result: RoundResult })[];
}

/** The distributor's revert text in the holder's words. */
export function claimFailureReason(reason: string): string {
  if (/already claimed/i.test(reason)) return 'already claimed';
  if (/invalid proof/i.test(reason)) return 'the proof does not match the round on chain';
  if (/transfer/i.test(reason)) return 'the round has no tokens left to pay';
  return reason;
}

/**
 * After the receipt: each round's `isClaimed` read back from the chain, and whether this
 * transaction's Claimed event paid it. A round not claimed is named with the distributor's reason.
 */
export async function claimAllOutcome(deps: Pick<BackgroundDeps, 'db' | 'clientFor'>, transactionId: string): Promise<ClaimAllOutcome> {
  const row = await transactionById(deps.db, transactionId);
  if (row?.kind !== 'claim-all') throw new UserFacingError('This claim is not in the companion any more.');
  const entries = batchEntriesSchema.parse(parseUnknown(row.subject));
  const chain = chainById(row.chainId);
  if (!chain) throw new UserFacingError(`Chain ${row.chainId} is not supported.`);
  const client = deps.clientFor(chain, (await readSettings(deps.db)).rpcUrls[row.chainId]);
  const paidHere = new Set<string>();
  if (row.hash && row.status === 'confirmed') {
    const receipt = await client.getTransactionReceipt({ hash: row.hash });
    for (const log of receipt.logs) {
      try {
        const event = decodeEventLog({ abi: merkleDistributorAbi, data: log.data, topics: log.topics });
        if (event.eventName === 'Claimed' && isAddressEqual(event.args.account, row.account))
          paidHere.add(`${log.address.toLowerCase()}#${event.args.index}`);
      } catch {
        // another contract's log
      }
    }
  }
  const rounds = await Promise.all(
    entries.map(async (e) => {
      const claimed = await client.readContract({
        address: e.distributor,
        abi: merkleDistributorAbi,
        functionName: 'isClaimed',
        args: [BigInt(e.index)],
      });
      const result: RoundResult = claimed
        ? { status: 'claimed', by: paidHere.has(`${e.distributor.toLowerCase()}#${e.index}`) ? 'this-transaction' : 'earlier' }
        : {
            status: 'not-claimed',
            reason: e.skipped
              ? `left out of the transaction: ${claimFailureReason(e.skipped)}`
              : row.status === 'confirmed'
                ? 'the distributor refused the claim in this transaction'
                : (row.error ?? 'the transaction has not landed'),
          };
      return { tokenId: e.tokenId, roundId: e.roundId, title: e.title, amount: e.amount, token: e.token, result };
    }),
  );
  return { transaction: row, rounds };
}

async function claimableOnChain(deps: ClaimAllDeps, chainId: number) {
  const { db } = deps;
  const settings = await readSettings(db);
  const account = settings.wallet?.account;
  if (!account) throw new UserFacingError('Connect a wallet to claim: a watched address cannot send transactions.');
  const chain = chainById(chainId);
  if (!chain) throw new UserFacingError(`Chain ${chainId} is not supported.`);
  const client = deps.clientFor(chain, settings.rpcUrls[chainId]);
  const candidates = (await listFollows(db))
    .filter((f) => f.chainId === chainId && f.manifest)
    .flatMap((f) =>
      (f.manifest?.distributions ?? []).map((round) => ({ tokenId: f.tokenId, round, creatorToken: parseTokenId(f.tokenId).address })),
    );
  // Claims files are fetched (or read from the cache) for each round; a broken file skips its round only.
  const lookups = await Promise.all(candidates.map((c) => holderClaim(db, c.round.claimsUrl, account).catch(() => null)));
  const key = (i: number) => `${i}`;
  const reading = await runReadPlan(
    client,
    chain.multicall3,
    planDistributionReads(
      candidates.map((c, i) => ({ id: key(i), distributor: c.round.distributor, index: lookups[i]?.claim?.index ?? null })),
      account,
    ),
  );
  const batch: BatchRound[] = [];
  /** Rounds the holder is in that are not claimable now, as record entries with the reason. */
  const settled: BatchEntry[] = [];
  candidates.forEach((c, i) => {
    const read = reading.get(key(i));
    const lookup = lookups[i];
    if (!read || !lookup) return;
    const token = c.round.token ? parseTokenId(c.round.token).address : c.creatorToken;
    const state = roundState({ claim: lookup.claim, reading: read, expectedToken: token });
    if (state.status !== 'claimable' && state.status !== 'not-eligible' && lookup.claim)
      settled.push({
        tokenId: c.tokenId,
        roundId: c.round.id,
        title: c.round.title,
        distributor: getAddress(c.round.distributor),
        index: lookup.claim.index.toString(),
        amount: lookup.claim.amount.toString(),
        token: getAddress(token),
        skipped: state.status === 'claimed' ? 'already claimed' : state.message,
      });
    if (state.status === 'claimable')
      batch.push({
        tokenId: c.tokenId,
        roundId: c.round.id,
        title: c.round.title,
        distributor: getAddress(c.round.distributor),
        token,
        claim: state.claim,
      });
  });
  return { chain, account, client, batch, settled };
}

async function simulate(client: ReturnType<ClaimAllDeps['clientFor']>, account: Address, chain: ChainConfig, batch: BatchRound[]) {
  const call = buildClaimAllCall(chain.multicall3, batch);
  let data: Hex | undefined;
  try {
    ({ data } = await client.call({ account, to: call.to, data: call.data }));
  } catch (error) {
    throw new UserFacingError(
      `The claims could not be simulated, so nothing was sent: ${error instanceof BaseError ? error.shortMessage : String(error)}. Try again shortly.`,
    );
  }
  return decodeClaimAllResult(data ?? '0x', batch.length);
}
