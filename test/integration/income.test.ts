import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPublicClient, erc20Abi, http, type Address, type Hex, type PublicClient } from 'viem';
import { DEVNET_A, DEVNET_CHAINS } from '@/lib/chain/devnet';
import { readChainSnapshot } from '@/lib/chain/readChainSnapshot';
import { merkleDistributorAbi } from '@/lib/income/core/abis';
import { buildClaimCall } from '@/lib/income/core/buildClaimCall';
import { lookupClaim, memoryClaimsCache, type CachedClaimLookup } from '@/lib/income/core/claimsCache';
import { planDistributionReads } from '@/lib/income/core/distributionReads';
import { roundState, type RoundState } from '@/lib/income/core/roundState';
import { shortAddress } from '@/lib/format/format';
import { devnetClient } from '../devnet/client';
import { DEVNET_HOLDERS, DEVNET_INCOME, startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';

// Journey 3 against the real MerkleDistributor: claims files fetched from Alex's site, proofs
// checked against the on-chain root read in the same multicall as the holdings, claims sent.

const E18 = 10n ** 18n;
const chain = DEVNET_CHAINS[0]!;
const { holder1, holder2, holder3 } = DEVNET_HOLDERS;
const rounds = Object.values(DEVNET_INCOME.rounds);
const paidToken = (id: string) => (id === DEVNET_INCOME.rounds.partner.id ? DEVNET_INCOME.partnerToken.address : DEVNET_A.creatorToken);
let devnet: Devnet;
let demo: DemoServer;
let client: PublicClient;
const files = new Map<string, Uint8Array>();

beforeAll(async () => {
  [devnet, demo] = await Promise.all([
    startDevnet({ portA: 18845, portB: 18846 }),
    startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 }),
  ]);
  client = createPublicClient({ transport: http(devnet.chains[0].rpcUrl) });
  const manifest = (await (await fetch(`${demo.origins.alex}/personal-token.json`)).json()) as {
    distributions: { id: string; claimsUrl: string }[];
  };
  for (const d of manifest.distributions) files.set(d.id, new Uint8Array(await (await fetch(d.claimsUrl)).arrayBuffer()));
});
afterAll(async () => {
  await Promise.all([devnet?.stop(), demo?.stop()]);
});

/** The popup's path: look every round up for `account`, then one multicall with the holdings. */
async function incomeOf(account: Address, bytes: (id: string) => Uint8Array = (id) => files.get(id)!) {
  const cache = memoryClaimsCache();
  const lookups = new Map<string, CachedClaimLookup>();
  for (const r of rounds) lookups.set(r.id, await lookupClaim(cache, bytes(r.id), account));
  const plan = planDistributionReads(
    rounds.map((r) => ({ id: r.id, distributor: r.distributor, index: lookups.get(r.id)!.claim?.index ?? null })),
    account,
  );
  const snapshot = await readChainSnapshot(client, chain, [DEVNET_A.creatorToken], account, 'multicall', plan);
  const states = new Map<string, RoundState>();
  for (const r of rounds)
    states.set(r.id, roundState({ claim: lookups.get(r.id)!.claim, reading: snapshot.extra!.get(r.id)!, expectedToken: paidToken(r.id) }));
  return states;
}

const balanceOf = (token: Address, account: Address) =>
  client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });

async function send(from: Address, call: { to: Address; data: Hex }) {
  const wallet = devnetClient(devnet.chains[0].rpcUrl);
  const hash = await wallet.sendTransaction({ account: from, chain: null, ...call });
  return wallet.waitForTransactionReceipt({ hash });
}

test('holder 1: Q1 and the partner round claimable, Q2 already claimed; holder 2 eligible; holder 3 in no round', async () => {
  const one = await incomeOf(holder1.address);
  expect(one.get('2021-q1')).toMatchObject({ status: 'claimable', claim: { amount: 1_250n * E18 } });
  expect(one.get('2021-q2')).toMatchObject({ status: 'claimed', claim: { amount: 1_500n * E18 } });
  expect(one.get('partner-2021-05')).toMatchObject({ status: 'claimable', claim: { amount: 500n * E18 } });
  expect((await incomeOf(holder2.address)).get('2021-q1')).toMatchObject({ status: 'claimable', claim: { amount: 25_000n * E18 } });
  expect([...(await incomeOf(holder3.address)).values()]).toEqual([
    { status: 'not-eligible' },
    { status: 'not-eligible' },
    { status: 'not-eligible' },
  ]);
});

test('the amount shown is what claim transfers; the round then reads as claimed', async () => {
  for (const id of ['2021-q1', 'partner-2021-05']) {
    const state = (await incomeOf(holder1.address)).get(id)!;
    if (state.status !== 'claimable') throw new Error(`${id} is ${state.status}`);
    const round = rounds.find((r) => r.id === id)!;
    const before = await balanceOf(paidToken(id), holder1.address);
    expect((await send(holder1.address, buildClaimCall(round.distributor, state.claim))).status).toBe('success');
    expect((await balanceOf(paidToken(id), holder1.address)) - before).toBe(state.claim.amount);
    expect((await incomeOf(holder1.address)).get(id)).toMatchObject({ status: 'claimed' });
  }
});

test('a tampered claims file is refused with a clear message and nothing is sent', async () => {
  const q1 = DEVNET_INCOME.rounds.q1;
  const entry = q1.claimsFile.claims[holder2.address]!;
  const richer = {
    ...q1.claimsFile,
    claims: { ...q1.claimsFile.claims, [holder2.address]: { ...entry, amount: '0x' + (BigInt(entry.amount) * 10n).toString(16) } },
  };
  const badProof = {
    ...q1.claimsFile,
    claims: { ...q1.claimsFile.claims, [holder2.address]: { ...entry, proof: [`0x${'11'.repeat(32)}`, ...entry.proof.slice(1)] } },
  };
  const nonce = await client.getTransactionCount({ address: holder2.address });
  for (const tampered of [richer, badProof]) {
    const bytes = new TextEncoder().encode(JSON.stringify(tampered));
    const state = (await incomeOf(holder2.address, (id) => (id === q1.id ? bytes : files.get(id)!))).get(q1.id)!;
    expect(state).toEqual({
      status: 'refused',
      message: `The claims file's entry for ${shortAddress(holder2.address)} does not match what this round's contract holds on chain, so the file may have been altered. Nothing was sent; ask the creator to check the claims file.`,
    });
  }
  expect(await client.getTransactionCount({ address: holder2.address })).toBe(nonce);
  // The contract agrees: the same tampered entry, sent anyway, reverts.
  await expect(
    client.simulateContract({
      account: holder2.address,
      address: q1.distributor,
      abi: merkleDistributorAbi,
      functionName: 'claim',
      args: [BigInt(entry.index), holder2.address, BigInt(entry.amount) * 10n, entry.proof as Hex[]],
    }),
  ).rejects.toThrow('MerkleDistributor: Invalid proof');
});

test('a manifest naming a distributor of another token is refused', async () => {
  const q1 = DEVNET_INCOME.rounds.q1;
  const cache = memoryClaimsCache();
  const { claim } = await lookupClaim(cache, files.get(q1.id)!, holder2.address);
  const plan = planDistributionReads([{ id: q1.id, distributor: q1.distributor, index: claim!.index }], holder2.address);
  const { extra } = await readChainSnapshot(client, chain, [], holder2.address, 'multicall', plan);
  expect(roundState({ claim, reading: extra!.get(q1.id)!, expectedToken: DEVNET_INCOME.partnerToken.address })).toEqual({
    status: 'refused',
    message: `This round's contract pays the token ${shortAddress(DEVNET_A.creatorToken)}, not ${shortAddress(DEVNET_INCOME.partnerToken.address)} as the creator's manifest says. Nothing will be sent; ask the creator to check the manifest.`,
  });
});
