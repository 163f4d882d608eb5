import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { encodeFunctionData, erc20Abi, type Address, type Hex } from 'viem';
import { DEVNET_A } from '@/lib/chain/devnet';
import { createChainClient } from '@/lib/chain/createChainClient';
import type { ChainConfig } from '@/lib/chain/types';
import { CompanionDatabase } from '@/lib/db/database';
import type { TransactionRow } from '@/lib/db/rows';
import { follow } from '@/lib/holdings/followsRepository';
import { claimAll, claimAllOutcome, previewClaimAll } from '@/lib/income/background/claimAll';
import { multicall3WriteAbi } from '@/lib/income/core';
import { formatTokenId } from '@/lib/protocol/caip19';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { validateManifest } from '@/lib/protocol/validateManifest';
import { writeSetting } from '@/lib/settings/settingsRepository';
import { createWallet } from '@/lib/wallet/createWallet';
import { fakeProvider, rpcError, type FakeProvider } from '@/lib/wallet/testing/fakeProvider';
import { devnetClient } from '../devnet/client';
import { DEVNET_HOLDERS, DEVNET_INCOME, startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { anvilRpc as rawAnvilRpc } from './anvilRpc';

// Claim everything, as the background runs it, against the three real MerkleDistributors of
// Alex's devnet (Q1, Q2 and the partner drop paying PRTNR) and the claims files on the demo
// site. The wallet is the real wallet code over an in-memory EIP-1193 provider that sends to
// anvil; in one run it knows EIP-5792 (wallet_getCapabilities / wallet_sendCalls), in the other not.

const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const { holder2 } = DEVNET_HOLDERS;
const { q1, q2, partner } = DEVNET_INCOME.rounds;
const UNIT = 10n ** 18n;
let devnet: Devnet;
let demo: DemoServer;
let manifest: PersonalTokenManifest;
let snapshot: Hex;

beforeAll(async () => {
  [devnet, demo] = await Promise.all([
    startDevnet({ portA: 18945, portB: 18946 }),
    startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 }),
  ]);
  const checked = validateManifest(await (await fetch(`${demo.origins.alex}/personal-token.json`)).text());
  if (!checked.ok) throw new Error(`The demo manifest is invalid: ${JSON.stringify(checked.errors)}`);
  manifest = checked.manifest;
});
afterAll(async () => {
  await Promise.all([devnet?.stop(), demo?.stop()]);
});

// Each test starts from the devnet as deployed: holder 2 has Q1, Q2 and the partner drop waiting.
beforeEach(async () => {
  snapshot = (await anvilRpc('evm_snapshot', [])) as Hex;
});
let opened: CompanionDatabase[] = [];
afterEach(async () => {
  await anvilRpc('evm_revert', [snapshot]);
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

/** Anvil A, the chain these tests run on. */
const anvilRpc = (method: string, params: unknown[]) => rawAnvilRpc(devnet.chains[0].rpcUrl, method, params);

async function holderSetup(account: Address, { batching }: { batching: boolean }) {
  const db = new CompanionDatabase(`claim-all-${Math.random()}`);
  opened.push(db);
  await writeSetting(db, 'wallet', { account, chainId: DEVNET_A.chainId });
  await follow(db, {
    tokenId: ALEX,
    chainId: DEVNET_A.chainId,
    address: DEVNET_A.creatorToken,
    symbol: 'ALEX',
    name: null,
    creatorName: 'Alex',
    siteOrigin: demo.origins.alex,
    confirmation: 'confirmed',
    manifest,
    followedAt: 1,
  });
  const anvil = devnetClient(devnet.chains[0].rpcUrl);
  const batches = new Map<string, Hex>();
  const provider: FakeProvider = fakeProvider({
    eth_accounts: () => [account],
    eth_sendTransaction: ([tx]) => anvilRpc('eth_sendTransaction', [{ ...(tx as object), gas: '0x7a1200' }]),
    ...(batching && {
      wallet_getCapabilities: () => ({ '0x7a69': { atomic: { status: 'supported' } } }),
      // An atomic batch, as a smart account runs it: all calls in one transaction, all or nothing.
      wallet_sendCalls: async ([request]) => {
        const { calls } = request as { calls: { to: Address; data: Hex }[] };
        const data = encodeFunctionData({
          abi: multicall3WriteAbi,
          functionName: 'aggregate3',
          args: [calls.map((c) => ({ target: c.to, allowFailure: false, callData: c.data }))],
        });
        const hash = (await anvilRpc('eth_sendTransaction', [{ from: account, to: DEVNET_A.multicall3, data, gas: '0x7a1200' }])) as Hex;
        const id = `batch-${batches.size}`;
        batches.set(id, hash);
        return { id };
      },
      wallet_getCallsStatus: async ([id]) => {
        const hash = batches.get(id as string)!;
        const receipt = await anvil.getTransactionReceipt({ hash }).catch(() => null);
        return receipt ? { status: receipt.status === 'success' ? 200 : 500, receipts: [{ transactionHash: hash }] } : { status: 100 };
      },
    }),
  });
  const wallet = createWallet({ open: async () => provider, flag: { get: async () => true, set: async () => undefined } });
  const deps = { db, clientFor: (chain: ChainConfig) => createChainClient(chain, { rpcUrls: [devnet.chains[0].rpcUrl] }), wallet };
  const balances = () =>
    Promise.all(
      [DEVNET_A.creatorToken, DEVNET_INCOME.partnerToken.address].map((token) =>
        anvil.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] }),
      ),
    );
  return { db, deps, provider, anvil, balances };
}

async function settled(db: CompanionDatabase, id: string): Promise<TransactionRow> {
  return vi.waitFor(
    async () => {
      const row = await db.transactions.get(id);
      if (!row || row.status === 'pending' || row.status === 'awaiting-signature') throw new Error(`still ${row?.status}`);
      return row;
    },
    { timeout: 30_000, interval: 200 },
  );
}

const sent = (provider: FakeProvider) =>
  provider.calls.filter((c) => c.method === 'eth_sendTransaction' || c.method === 'wallet_sendCalls');

describe('claim everything on a chain', () => {
  test('the preview lists every round with its amount and the totals per token, before anything is sent', async () => {
    const { deps, provider } = await holderSetup(holder2.address, { batching: false });
    const preview = await previewClaimAll(deps, DEVNET_A.chainId);
    expect(preview.via).toBe('multicall');
    expect(preview.rounds.map((r) => [r.roundId, r.amount, r.simulated.ok])).toEqual([
      [q1.id, 25_000n * UNIT, true],
      [q2.id, 30_000n * UNIT, true],
      [partner.id, 5_000n * UNIT, true],
    ]);
    expect(preview.totals).toEqual([
      { token: DEVNET_A.creatorToken, amount: 55_000n * UNIT },
      { token: DEVNET_INCOME.partnerToken.address, amount: 5_000n * UNIT },
    ]);
    expect(sent(provider)).toEqual([]);
  });

  test('Multicall3: one transaction; a round claimed by someone else in between fails alone and the rest land', async () => {
    const { db, deps, provider, anvil, balances } = await holderSetup(holder2.address, { batching: false });
    const [alexBefore, partnerBefore] = await balances();
    let seenAtPrompt: TransactionRow[] = [];
    provider.handle('eth_sendTransaction', async ([tx]) => {
      seenAtPrompt = await db.transactions.toArray();
      // Another device claims Q1 for holder 2 after the simulation, before the batch is mined.
      const other = DEVNET_HOLDERS.holder3.address;
      const { claimCall } = await q1CallFor(deps);
      await anvil.waitForTransactionReceipt({
        hash: (await anvilRpc('eth_sendTransaction', [{ from: other, to: claimCall.to, data: claimCall.data }])) as Hex,
      });
      return anvilRpc('eth_sendTransaction', [{ ...(tx as object), gas: '0x7a1200' }]);
    });
    const { transactionId } = await claimAll(deps, DEVNET_A.chainId);
    expect(seenAtPrompt).toMatchObject([{ id: transactionId, kind: 'claim-all', status: 'awaiting-signature', to: DEVNET_A.multicall3 }]);
    expect(await settled(db, transactionId)).toMatchObject({ status: 'confirmed', error: null });
    expect(sent(provider)).toHaveLength(1);
    const outcome = await claimAllOutcome(deps, transactionId);
    expect(outcome.rounds.map((r) => [r.roundId, r.result])).toEqual([
      [q1.id, { status: 'claimed', by: 'earlier' }],
      [q2.id, { status: 'claimed', by: 'this-transaction' }],
      [partner.id, { status: 'claimed', by: 'this-transaction' }],
    ]);
    const [alexAfter, partnerAfter] = await balances();
    expect(alexAfter! - alexBefore!).toBe(55_000n * UNIT); // Q1 paid by the other sender, Q2 by the batch
    expect(partnerAfter! - partnerBefore!).toBe(5_000n * UNIT);
    await expect(claimAll(deps, DEVNET_A.chainId)).rejects.toThrow('Nothing is waiting to be claimed on this chain.');
  });

  test('EIP-5792: a wallet that reports atomic batches gets one wallet_sendCalls with the three claims', async () => {
    const { db, deps, provider, balances } = await holderSetup(holder2.address, { batching: true });
    const [alexBefore, partnerBefore] = await balances();
    expect((await previewClaimAll(deps, DEVNET_A.chainId)).via).toBe('wallet-batch');
    const { transactionId } = await claimAll(deps, DEVNET_A.chainId);
    expect(await settled(db, transactionId)).toMatchObject({ status: 'confirmed', error: null });
    const batchCalls = provider.calls.filter((c) => c.method === 'wallet_sendCalls');
    expect(batchCalls).toHaveLength(1);
    expect((batchCalls[0]!.params[0] as { calls: { to: Address }[]; atomicRequired: boolean }).calls.map((c) => c.to)).toEqual([
      q1.distributor,
      q2.distributor,
      partner.distributor,
    ]);
    expect(provider.calls.filter((c) => c.method === 'eth_sendTransaction')).toEqual([]);
    const outcome = await claimAllOutcome(deps, transactionId);
    expect(outcome.rounds.map((r) => r.result)).toEqual(Array(3).fill({ status: 'claimed', by: 'this-transaction' }));
    const [alexAfter, partnerAfter] = await balances();
    expect(alexAfter! - alexBefore!).toBe(55_000n * UNIT);
    expect(partnerAfter! - partnerBefore!).toBe(5_000n * UNIT);
  });

  test('a round of the summary claimed before the holder confirms: left out of the batch, named in the record', async () => {
    const { db, deps, provider, anvil, balances } = await holderSetup(holder2.address, { batching: true });
    const preview = await previewClaimAll(deps, DEVNET_A.chainId);
    const seen = preview.rounds.map((r) => ({ tokenId: r.tokenId, roundId: r.roundId }));
    const { claimCall } = await q1CallFor(deps);
    await anvil.waitForTransactionReceipt({
      hash: (await anvilRpc('eth_sendTransaction', [
        { from: DEVNET_HOLDERS.holder3.address, to: claimCall.to, data: claimCall.data },
      ])) as Hex,
    });
    const [alexBefore, partnerBefore] = await balances();
    const { transactionId } = await claimAll(deps, DEVNET_A.chainId, seen);
    expect(await settled(db, transactionId)).toMatchObject({ status: 'confirmed', label: 'Claim 2 rounds' });
    const batchCalls = provider.calls.filter((c) => c.method === 'wallet_sendCalls');
    expect((batchCalls[0]!.params[0] as { calls: { to: Address }[] }).calls.map((c) => c.to)).toEqual([
      q2.distributor,
      partner.distributor,
    ]);
    const outcome = await claimAllOutcome(deps, transactionId);
    expect(outcome.rounds.map((r) => [r.roundId, r.amount, r.result])).toEqual([
      [q1.id, (25_000n * UNIT).toString(), { status: 'claimed', by: 'earlier' }],
      [q2.id, (30_000n * UNIT).toString(), { status: 'claimed', by: 'this-transaction' }],
      [partner.id, (5_000n * UNIT).toString(), { status: 'claimed', by: 'this-transaction' }],
    ]);
    const [alexAfter, partnerAfter] = await balances();
    expect(alexAfter! - alexBefore!).toBe(30_000n * UNIT);
    expect(partnerAfter! - partnerBefore!).toBe(5_000n * UNIT);
  });

  test('the holder says no to the batch: saved before the prompt, ends as cancelled, nothing claimed', async () => {
    const { db, deps, provider } = await holderSetup(holder2.address, { batching: true });
    provider.handle('wallet_sendCalls', async () => {
      expect(await db.transactions.toArray()).toMatchObject([{ kind: 'claim-all', status: 'awaiting-signature' }]);
      rpcError(4001, 'User rejected the request.');
    });
    const { transactionId } = await claimAll(deps, DEVNET_A.chainId);
    expect(await db.transactions.get(transactionId)).toMatchObject({ status: 'cancelled', hash: null });
    expect((await claimAllOutcome(deps, transactionId)).rounds.map((r) => r.result.status)).toEqual([
      'not-claimed',
      'not-claimed',
      'not-claimed',
    ]);
  });
});

/** Holder 2's Q1 claim call, built the way the extension builds it (any sender may send it). */
async function q1CallFor(deps: Parameters<typeof previewClaimAll>[0]) {
  const { holderClaim } = await import('@/lib/income/background/holderClaim');
  const { buildClaimCall, assertClaimProof } = await import('@/lib/income/core');
  const lookup = await holderClaim(deps.db, manifest.distributions.find((d) => d.id === q1.id)!.claimsUrl, holder2.address);
  const root = await devnetClient(devnet.chains[0].rpcUrl).readContract({
    address: q1.distributor,
    abi: [{ type: 'function', name: 'merkleRoot', stateMutability: 'view', inputs: [], outputs: [{ type: 'bytes32' }] }],
    functionName: 'merkleRoot',
  });
  return { claimCall: buildClaimCall(q1.distributor, assertClaimProof(lookup.claim!, root)) };
}
