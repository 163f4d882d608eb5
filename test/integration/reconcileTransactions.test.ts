import { lowerAddress } from '@/lib/protocol/address';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeFunctionData, type Address, type Hex } from 'viem';
import type { ChainClient } from '@/lib/chain/createChainClient';
import { DEVNET_A } from '@/lib/chain/devnet';
import { chainById } from '@/lib/chain/knownChains';
import { createChainClient } from '@/lib/chain/createChainClient';
import { CompanionDatabase } from '@/lib/db/database';
import type { TransactionRow } from '@/lib/db/rows';
import { merkleDistributorAbi } from '@/lib/income/core/abis';
import { buildGetRewardCall } from '@/lib/lp/core';
import { formatTokenId } from '@/lib/protocol/caip19';
import { reconcileTransactions } from '@/lib/income/background/reconcileTransactions';
import { LEGACY_RESTART_MESSAGE, notSentMessage } from '@/lib/income/core/transactionRecheck';
import { devnetClient, type DevnetClient } from '../devnet/client';
import { DEVNET_HOLDERS, DEVNET_INCOME, startDevnet, type Devnet, type DevnetIncomeRound } from '../devnet/devnet';

// A worker that stopped while MetaMask was open lost the wallet's answer. At the next start, the
// records it left are set to what the real chain (anvil) shows; the database is fake-indexeddb.

const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const { holder1, holder2, holder4 } = DEVNET_HOLDERS;
const { q1, q2, partner } = DEVNET_INCOME.rounds;
let devnet: Devnet;
let chain: ChainClient;
let anvil: DevnetClient;

beforeAll(async () => {
  devnet = await startDevnet({ portA: 18945, portB: 18946 });
  const config = { ...chainById(DEVNET_A.chainId)!, rpcUrls: [devnet.chains[0].rpcUrl] };
  chain = createChainClient(config);
  anvil = devnetClient(devnet.chains[0].rpcUrl);
});
afterAll(() => devnet?.stop());

const clientFor = (chainId: number) => (chainId === DEVNET_A.chainId ? chain : null);
const freshDatabase = () => new CompanionDatabase(`reconcile-${Math.random()}`);

function claimCall(round: DevnetIncomeRound, holder: Address): { to: Address; data: Hex } {
  const entry = (round.claimsFile.claims as Record<string, { index: number; amount: string; proof: string[] }>)[holder]!;
  return {
    to: round.distributor,
    data: encodeFunctionData({
      abi: merkleDistributorAbi,
      functionName: 'claim',
      args: [BigInt(entry.index), holder, BigInt(entry.amount), entry.proof as Hex[]],
    }),
  };
}

/** What sendTrackedTransaction saves before asking the wallet, nonce included. */
async function recordBeforeWallet(
  db: CompanionDatabase,
  kind: TransactionRow['kind'],
  account: Address,
  call: { to: Address; data: Hex },
  patch: Partial<TransactionRow> = {},
) {
  const nonce = await chain.getTransactionCount({ address: account, blockTag: 'pending' });
  const at = Date.now() - 1_000;
  const row: TransactionRow = {
    id: crypto.randomUUID(),
    kind,
    tokenId: ALEX,
    chainId: DEVNET_A.chainId,
    subject: call.to.toLowerCase(),
    label: 'test',
    account: lowerAddress(account),
    ...call,
    hash: null,
    nonce,
    status: 'awaiting-signature',
    error: null,
    createdAt: at,
    updatedAt: at,
    ...patch,
  };
  await db.transactions.put(row);
  return row;
}

/** The holder confirming in the wallet while the worker is stopped: the transaction lands. */
async function confirmInWallet(account: Address, call: { to: Address; data: Hex }): Promise<Hex> {
  // Explicit gas: an estimate made a second earlier can fall short once rewards have accrued.
  const hash = await anvil.sendTransaction({ account, chain: null, gas: 1_000_000n, ...call });
  expect((await anvil.waitForTransactionReceipt({ hash })).status).toBe('success');
  return hash;
}

const isClaimed = (round: DevnetIncomeRound, holder: Address) =>
  chain.readContract({
    address: round.distributor,
    abi: merkleDistributorAbi,
    functionName: 'isClaimed',
    args: [BigInt((round.claimsFile.claims as Record<string, { index: number }>)[holder]!.index)],
  });

describe('records left by a stopped worker follow the chain', () => {
  test('a claim confirmed while the record says "awaiting signature" becomes confirmed with its hash', async () => {
    const db = freshDatabase();
    const call = claimCall(q1, holder2.address);
    const row = await recordBeforeWallet(db, 'claim', holder2.address, call);
    const hash = await confirmInWallet(holder2.address, call);

    const { confirmed, pending } = await reconcileTransactions({ db, clientFor });
    expect(await db.transactions.get(row.id)).toMatchObject({ status: 'confirmed', hash, error: null });
    expect(confirmed.map((r) => r.id)).toEqual([row.id]);
    expect(pending).toEqual([]);
  });

  test('a record from an older version, failed at restart without a nonce, becomes confirmed with the hash', async () => {
    const db = freshDatabase();
    const call = claimCall(partner, holder2.address);
    const row = await recordBeforeWallet(db, 'claim', holder2.address, call, {
      nonce: undefined,
      status: 'failed',
      error: LEGACY_RESTART_MESSAGE,
    });
    const hash = await confirmInWallet(holder2.address, call);
    await anvil.mine({ blocks: 3 });

    await reconcileTransactions({ db, clientFor });
    expect(await db.transactions.get(row.id)).toMatchObject({ status: 'confirmed', hash, error: null });
  });

  test('a pending record whose hash the wallet replaced (sped up) is confirmed under the hash that landed', async () => {
    const db = freshDatabase();
    const call = claimCall(partner, holder1.address);
    const row = await recordBeforeWallet(db, 'claim', holder1.address, call, { status: 'pending', hash: `0x${'ab'.repeat(32)}` });
    const hash = await confirmInWallet(holder1.address, call);

    await reconcileTransactions({ db, clientFor });
    expect(await db.transactions.get(row.id)).toMatchObject({ status: 'confirmed', hash, error: null });
  });

  test('a claim beyond the searched blocks is confirmed by the distributor’s isClaimed, without a hash', async () => {
    const db = freshDatabase();
    const call = claimCall(q2, holder4.address);
    const row = await recordBeforeWallet(db, 'claim', holder4.address, call);
    await confirmInWallet(holder4.address, call);
    await anvil.mine({ blocks: 5 });

    await reconcileTransactions({ db, clientFor, maxBlocks: 2 });
    expect(await db.transactions.get(row.id)).toMatchObject({ status: 'confirmed', hash: null, error: null });
  });

  test('a collection confirmed while the worker was stopped is found in recent blocks', async () => {
    const db = freshDatabase();
    const call = buildGetRewardCall(DEVNET_INCOME.staking.address);
    const row = await recordBeforeWallet(db, 'collect-rewards', holder1.address, call);
    const hash = await confirmInWallet(holder1.address, call);

    await reconcileTransactions({ db, clientFor });
    expect(await db.transactions.get(row.id)).toMatchObject({ status: 'confirmed', hash, error: null });
  });

  test('nothing on chain: failed, with a sentence saying the holder can claim (or collect) again', async () => {
    const db = freshDatabase();
    // Another transaction from the holder after the record: the nonce moved, the claim did not land.
    const claim = await recordBeforeWallet(db, 'claim', holder4.address, claimCall(q1, holder4.address));
    await confirmInWallet(holder4.address, { to: holder4.address, data: '0x' });
    const collect = await recordBeforeWallet(db, 'collect-rewards', holder1.address, buildGetRewardCall(DEVNET_INCOME.staking.address));

    await reconcileTransactions({ db, clientFor });
    expect(await db.transactions.get(claim.id)).toMatchObject({ status: 'failed', hash: null, error: notSentMessage('claim') });
    expect(notSentMessage('claim')).toContain('You can claim again.');
    expect(await db.transactions.get(collect.id)).toMatchObject({ status: 'failed', hash: null, error: notSentMessage('collect-rewards') });
    expect(notSentMessage('collect-rewards')).toContain('You can collect again.');
    expect(await isClaimed(q1, holder4.address)).toBe(false);
  });

  test('a claim confirmed in the wallet after the check said "nothing was sent" is picked up at the next start', async () => {
    const db = freshDatabase();
    const call = claimCall(q2, holder2.address);
    const row = await recordBeforeWallet(db, 'claim', holder2.address, call);
    await reconcileTransactions({ db, clientFor });
    expect(await db.transactions.get(row.id)).toMatchObject({ status: 'failed', error: notSentMessage('claim') });

    const hash = await confirmInWallet(holder2.address, call); // the wallet's prompt outlived the restart
    await reconcileTransactions({ db, clientFor });
    expect(await db.transactions.get(row.id)).toMatchObject({ status: 'confirmed', hash, error: null });
  });

  test('a failed record the holder retried is left as it is; the retry keeps its own hash', async () => {
    const db = freshDatabase();
    const call = buildGetRewardCall(DEVNET_INCOME.staking.address);
    const first = await recordBeforeWallet(db, 'collect-rewards', holder2.address, call);
    await reconcileTransactions({ db, clientFor });
    const failed = await db.transactions.get(first.id);
    expect(failed).toMatchObject({ status: 'failed', error: notSentMessage('collect-rewards') });

    const retry = await recordBeforeWallet(db, 'collect-rewards', holder2.address, call, { createdAt: Date.now(), updatedAt: Date.now() });
    const hash = await confirmInWallet(holder2.address, call);
    await db.transactions.update(retry.id, { status: 'confirmed', hash });
    await reconcileTransactions({ db, clientFor, startedAt: Date.now() + 1 });
    expect(await db.transactions.get(first.id)).toEqual(failed);
    expect(await db.transactions.get(retry.id)).toMatchObject({ status: 'confirmed', hash });
  });

  test('running it twice changes nothing more; a record made after the start is left alone', async () => {
    const db = freshDatabase();
    const call = claimCall(q1, holder1.address);
    const sent = await recordBeforeWallet(db, 'claim', holder1.address, call);
    const hash = await confirmInWallet(holder1.address, call);
    const notSent = await recordBeforeWallet(db, 'collect-rewards', holder4.address, buildGetRewardCall(DEVNET_INCOME.staking.address));
    const startedAt = Date.now();
    const live = await recordBeforeWallet(db, 'claim', holder4.address, claimCall(q1, holder4.address), {
      createdAt: startedAt + 1,
      updatedAt: startedAt + 1,
    });

    await reconcileTransactions({ db, clientFor, startedAt });
    const once = await db.transactions.toArray();
    expect(once.find((r) => r.id === sent.id)).toMatchObject({ status: 'confirmed', hash });
    expect(once.find((r) => r.id === notSent.id)).toMatchObject({ status: 'failed', error: notSentMessage('collect-rewards') });
    expect(once.find((r) => r.id === live.id)).toEqual(live);

    const again = await reconcileTransactions({ db, clientFor, startedAt });
    expect(again).toEqual({ pending: [], confirmed: [] });
    expect(await db.transactions.toArray()).toEqual(once);
  });
});
