import { lowerAddress } from '@/lib/protocol/address';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import snapshot from '@snapshot-labs/snapshot.js';
import {
  createPublicClient,
  getAddress,
  hashTypedData,
  http,
  keccak256,
  numberToHex,
  toHex,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { erc20Abi, uniswapV2PairAbi } from '@/lib/chain/abis';
import { DEVNET_A } from '@/lib/chain/devnet';
import { createHubClient, type HubClient } from '@/lib/votes/core/hubClient';
import { hubPowerDiffers, hubVotingPower } from '@/lib/votes/core/hubVotingPower';
import { SIGNATURES_UNAVAILABLE } from '@/lib/votes/core/tallyVotes';
import { verifyProposalTally } from '@/lib/votes/core/verifyTally';
import { readVotingPower } from '@/lib/votes/core/votingPower';
import { decodeBalanceScan, encodeBalanceScan } from '@/lib/votes/core/balanceScan';
import type { VoteType } from '@/lib/votes/core/voteTypes';
import {
  buildVoteTypedData,
  viemTypedData,
  voteEnvelope,
  type BuildVoteParameters,
  type VoteTypedData,
} from '@/lib/votes/core/buildVoteTypedData';
import { resumeVotes, retryVote, submitSignedVote } from '@/lib/votes/background/submitSignedVote';
import { database } from '@/lib/db/database';
import type { VoteRow } from '@/lib/db/rows';
import { DEVNET_HOLDERS, startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { FORGED_VOTER, RANK_TICKET, SEEDED, seedHub, type SeededHub } from '../demo-server/hub/seed';
import { voterAccount } from '../demo-server/hub/voters';
import { devnetClient } from '../devnet/client';
import { balanceSlot, mappingSlot } from '../bench/tallyVotesSetup';

// Votes end to end on the devnet: envelopes checked by snapshot.js, the demo hub's sequencer
// checks, and the verified tally of the seeded 300-vote proposal with its forged vote.

const E18 = 10n ** 18n;
const { holder1, holder2, holder3 } = DEVNET_HOLDERS;
let devnet: Devnet;
let demo: DemoServer;
let seeded: SeededHub;
let hub: HubClient;
let client: PublicClient;

beforeAll(async () => {
  [devnet, demo] = await Promise.all([
    startDevnet({ portA: 18745, portB: 18746 }),
    startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 }),
  ]);
  seeded = await seedHub(demo.hub, { rpcUrl: devnet.chains[0].rpcUrl, multicall3: DEVNET_A.multicall3 });
  hub = createHubClient(`${demo.origins.alex}/hub`);
  client = createPublicClient({ transport: http(devnet.chains[0].rpcUrl) });
});
afterAll(async () => {
  await demo?.stop();
  await devnet?.stop();
});

const now = () => Math.floor(Date.now() / 1000);
const tally = (proposalId: string) =>
  verifyProposalTally({ hub, client, chainId: DEVNET_A.chainId, power: demo.hub.powerSource, space: 'alex.eth', proposalId });

async function envelopeFor(key: `0x${string}`, p: Partial<BuildVoteParameters> & Pick<BuildVoteParameters, 'choice'>, signerKey = key) {
  const voter = privateKeyToAccount(key);
  const typed = buildVoteTypedData({
    from: voter.address,
    space: 'alex.eth',
    proposal: SEEDED.learnNext.id,
    type: 'single-choice',
    timestamp: now(),
    ...p,
  });
  return voteEnvelope(voter.address, await privateKeyToAccount(signerKey).signTypedData(viemTypedData(typed)), typed);
}

test('every envelope lib/votes produces verifies with snapshot.js', async () => {
  const cases: [VoteType, BuildVoteParameters['choice']][] = [
    ['single-choice', 1],
    ['basic', 2],
    ['approval', [1, 3]],
    ['ranked-choice', [2, 1, 4, 3]],
    ['copeland', [4, 3, 2, 1]],
    ['weighted', { '1': 1, '2': 3 }],
    ['quadratic', { '4': 2 }],
  ];
  for (const [type, choice] of cases) {
    const e = await envelopeFor(holder1.privateKey, { type, choice, reason: 'I like it', app: 'companion' });
    // An EOA's signature is checked offline (ethers' verifyTypedData) before any provider is asked.
    expect(await snapshot.utils.verify(e.address, e.sig, e.data as never), type).toBe(true);
  }
});

describe("the demo hub checks votes like Snapshot's sequencer", () => {
  test('a good vote is taken, with the receipt id Snapshot would give, and counted with its power', async () => {
    const e = await envelopeFor(holder1.privateKey, { choice: 3 });
    const receipt = await hub.submitVote(e);
    expect(receipt.id).toBe(snapshot.utils.getHash(e.data as never));
    const [listed] = await hub.votes({ proposal: SEEDED.learnNext.id, voter: holder1.address });
    expect(listed).toMatchObject({ id: receipt.id, choice: 3, vp: 22_500 }); // 12,500 held + 10,000 in the pool (1% of 1,000,000)
  });

  test('the same envelope again is refused as snapshot-sequencer does ("duplicate message"); the client reads that as its receipt', async () => {
    const e = await envelopeFor(holder1.privateKey, { choice: 1, timestamp: now() + 1 });
    const first = await hub.submitVote(e);
    const again = await fetch(`${demo.origins.alex}/hub/api/msg`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(e),
    });
    expect({ status: again.status, body: await again.json() }).toEqual({
      status: 400,
      body: { error: 'client_error', error_description: 'duplicate message' },
    });
    expect(await hub.submitVote(e)).toEqual({ id: first.id, ipfs: null });
    // Even once a later vote replaced it: the sequencer keeps every message it stored.
    await hub.submitVote(await envelopeFor(holder1.privateKey, { choice: 3, timestamp: now() + 2 }));
    expect(await hub.submitVote(e)).toEqual({ id: first.id, ipfs: null });
    expect(await hub.votes({ proposal: SEEDED.learnNext.id, voter: holder1.address })).toMatchObject([{ choice: 3 }]);
  });

  test('each bad kind is refused with its message', async () => {
    const refusal = async (e: unknown) =>
      await hub.submitVote(e as never).then(
        () => 'accepted',
        (error: Error) => error.message,
      );
    const good = await envelopeFor(holder2.privateKey, { choice: 1 });
    expect(
      await refusal({ ...good, data: { ...good.data, types: { EIP712Domain: [{ name: 'name', type: 'string' }], ...good.data.types } } }),
    ).toBe('The hub refused the vote: wrong types');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1 }, holder3.privateKey))).toBe(
      'The hub refused the vote: signature validation failed',
    );
    // snapshot-sequencer's window: at most 300 s ahead of its clock, at most 3 days behind.
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, timestamp: now() - 3 * 86_400 - 60 }))).toBe(
      'The hub refused the vote: wrong timestamp',
    );
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, timestamp: now() + 600 }))).toBe(
      'The hub refused the vote: wrong timestamp',
    );
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, proposal: SEEDED.habit.id }))).toBe(
      'The hub refused the vote: not in voting window',
    );
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 5 }))).toBe('The hub refused the vote: invalid choice');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: [1], type: 'approval' }))).toBe(
      'The hub refused the vote: invalid choice',
    );
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, proposal: `0x${'00'.repeat(32)}` }))).toBe(
      'The hub refused the vote: unknown proposal',
    );
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, space: 'mike.eth' }))).toBe(
      'The hub refused the vote: unknown space',
    );
    expect(await refusal(await envelopeFor(holder3.privateKey, { choice: 1 }))).toBe('The hub refused the vote: no voting power');
  });

  test('a later vote replaces an earlier one; an older one is refused', async () => {
    const t = now();
    await hub.submitVote(await envelopeFor(holder2.privateKey, { choice: 1, timestamp: t - 10 }));
    await hub.submitVote(await envelopeFor(holder2.privateKey, { choice: 2, timestamp: t - 5 }));
    await expect(hub.submitVote(await envelopeFor(holder2.privateKey, { choice: 4, timestamp: t - 20 }))).rejects.toThrow(
      'already voted at later time',
    );
    expect(await hub.votes({ proposal: SEEDED.learnNext.id, voter: holder2.address })).toMatchObject([{ choice: 2, vp: 250_000 }]);
    const result = await tally(SEEDED.learnNext.id);
    expect(result.counted.find((v) => v.voter === holder2.address)).toMatchObject({ choice: 2, power: 250_000n * E18 });
    expect(result).toMatchObject({ verified: 14, total: 14, invalid: [], hubDisagrees: false, signaturesChecked: true });
  });
});

describe("the hub's own figures", () => {
  test("Snapshot's vp query: the same as the chain where the space counts the token and pool, more where it adds a strategy", async () => {
    const base = `${demo.origins.alex}/hub`;
    const where = (proposal: string) => ({ voter: holder1.address, space: 'alex.eth', proposal });
    const { powers, decimals } = await readVotingPower(client, demo.hub.powerSource, [holder1.address], seeded.snapshotBlock);
    const ours = powers.get(holder1.address.toLowerCase())!.total;
    const plain = await hubVotingPower(base, where(SEEDED.learnNext.id));
    expect(plain).toBe(22_500);
    expect(hubPowerDiffers(ours, decimals, plain!)).toBe(false);
    const ranked = await hubVotingPower(base, where(SEEDED.rankVideos.id));
    expect(ranked).toBe(22_500 + RANK_TICKET);
    expect(hubPowerDiffers(ours, decimals, ranked!)).toBe(true);
  });

  test('a plain vote on a shielded proposal is refused, as Snapshot refuses it', async () => {
    expect((await hub.proposal(SEEDED.collab.id))?.privacy).toBe('shutter');
    const e = await envelopeFor(holder1.privateKey, { choice: 1, proposal: SEEDED.collab.id });
    await expect(hub.submitVote(e)).rejects.toThrow('The hub refused the vote: invalid choice');
  });
});

describe('the seeded closed proposal', () => {
  const expected = [376_880n, 156_030n, 153_340n, 74_300n].map((x) => x * E18); // Σ voter balances per choice (seed.ts rules)

  test('300 honest votes tally to the expected result; the forged vote is flagged; the hub, which counted it, disagrees', async () => {
    const stages = new Set<string>();
    const result = await verifyProposalTally({
      hub,
      client,
      chainId: DEVNET_A.chainId,
      power: demo.hub.powerSource,
      space: 'alex.eth',
      proposalId: SEEDED.habit.id,
      onProgress: (p) => stages.add(p.stage),
    });
    expect(result.scores).toEqual(expected);
    expect(result).toMatchObject({
      verified: 300,
      total: 301,
      scoresTotal: 760_550n * E18,
      hubDisagrees: true,
      signaturesChecked: true,
      blockNumber: seeded.snapshotBlock,
    });
    expect(result.invalid).toEqual([
      {
        voter: voterAccount(FORGED_VOTER).address,
        reason: `signed by ${seeded.forger.slice(0, 6)}…${seeded.forger.slice(-4)}, not by the voter`,
      },
    ]);
    expect(result.disagreements).toEqual([
      "The hub's scores (376880, 156030, 157540, 74300) differ from the recomputed ones (376880, 156030, 153340, 74300)",
      'The hub counts 1 vote that did not verify',
    ]);
    expect([...stages]).toEqual(['proposal', 'votes', 'envelopes', 'signatures', 'power']);
  });

  test('from a hub that keeps signatures to itself: weights re-checked only, and said so', async () => {
    demo.hub.serveEnvelopes = false;
    try {
      const result = await tally(SEEDED.habit.id);
      expect(result).toMatchObject({ signaturesChecked: false, notes: [SIGNATURES_UNAVAILABLE], verified: 301, hubDisagrees: false });
      expect(result.scores[2]).toBe(expected[2]! + 4_200n * E18); // the forged vote cannot be told apart
    } finally {
      demo.hub.serveEnvelopes = true;
    }
  });
});

describe('a signed vote the hub does not take at once (the background, with its IndexedDB)', () => {
  const votes = () => database().votes;
  /** A vote as castVote leaves it once the wallet signed: saved, signed, not sent yet. */
  // Each row a second later than the one before: the hub refuses a voter's second vote in the same second.
  let secondsAhead = 0;
  async function signedRow(key: `0x${string}`, choice: BuildVoteParameters['choice']): Promise<VoteRow> {
    const voter = privateKeyToAccount(key);
    const timestamp = now() + secondsAhead++;
    const typedData = buildVoteTypedData({
      from: voter.address,
      space: 'alex.eth',
      proposal: SEEDED.splitWeek.id,
      type: 'weighted',
      choice,
      timestamp,
      app: 'personal-token-companion',
    });
    const row: VoteRow = {
      id: crypto.randomUUID(),
      tokenId: 'alex',
      hub: `${demo.origins.alex}/hub`,
      space: 'alex.eth',
      proposalId: SEEDED.splitWeek.id,
      proposalTitle: SEEDED.splitWeek.title,
      account: lowerAddress(voter.address),
      choice,
      choiceLabel: '',
      typedData,
      signature: await voter.signTypedData(viemTypedData(typedData)),
      receipt: null,
      status: 'signed',
      error: null,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    await votes().put(row);
    return row;
  }
  const postsOf = (row: VoteRow) => demo.hub.msgPosts.filter((p) => p.sig === row.signature).map((p) => p.status);
  const hashOf = (row: VoteRow) => hashTypedData(viemTypedData(row.typedData as VoteTypedData));
  afterEach(() => void (demo.hub.msgFailure = null));

  test('HTTP 500: the error is saved for the card, and the same envelope is sent again after a pause until the hub takes it', async () => {
    const row = await signedRow(holder1.privateKey, { '1': 1 });
    demo.hub.msgFailure = { status: 500, remaining: 2 };
    await submitSignedVote({ db: database() }, row.id, { retryDelaysMs: [100, 100, 100] });
    expect(await votes().get(row.id)).toMatchObject({
      status: 'signed',
      error:
        'The vote hub failed (HTTP 500: the demo hub was told to fail). Your signed vote is kept and will be sent again shortly, or press Retry now.',
    });
    await expect.poll(async () => (await votes().get(row.id))?.status, { timeout: 10_000 }).toBe('submitted');
    expect(await votes().get(row.id)).toMatchObject({ receipt: hashOf(row), error: null });
    expect(postsOf(row)).toEqual([500, 500, 200]); // one signature, three posts
    expect(demo.hub.store.voteOf(SEEDED.splitWeek.id, holder1.address)?.id).toBe(hashOf(row));
  });

  test('the pauses are bounded; then "Retry now" sends the same envelope at once', async () => {
    const row = await signedRow(holder2.privateKey, { '2': 1 });
    demo.hub.msgFailure = { status: 503, remaining: Infinity };
    await submitSignedVote({ db: database() }, row.id, { retryDelaysMs: [50, 50] });
    await expect.poll(() => postsOf(row).length, { timeout: 10_000 }).toBe(3);
    await expect
      .poll(async () => (await votes().get(row.id))?.error)
      .toBe('The vote hub failed (HTTP 503: the demo hub was told to fail). Your signed vote is kept: press Retry now to send it again.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(postsOf(row)).toEqual([503, 503, 503]); // no fourth try on its own
    demo.hub.msgFailure = null;
    await retryVote({ db: database() }, row.id);
    expect(await votes().get(row.id)).toMatchObject({ status: 'submitted', receipt: hashOf(row), error: null });
    expect(postsOf(row)).toEqual([503, 503, 503, 200]);
    await expect(retryVote({ db: database() }, crypto.randomUUID())).rejects.toThrow(
      'This vote is no longer saved in the extension. Vote again.',
    );
  });

  test('re-posted after a worker restart, a vote the hub already took ("duplicate message") is recorded as taken', async () => {
    const row = await signedRow(holder1.privateKey, { '3': 2, '4': 1 });
    // The hub took it, but the worker stopped before writing that down.
    const taken = await hub.submitVote(voteEnvelope(holder1.address, row.signature as Hex, row.typedData as VoteTypedData));
    await votes().update(row.id, { status: 'submitting' });
    await resumeVotes({ db: database() });
    expect(await votes().get(row.id)).toMatchObject({ status: 'submitted', receipt: taken.id, error: null });
    expect(postsOf(row)).toEqual([200, 400]);
  });
});

describe('a proposal with more votes than snapshot-hub lets a client skip (5,000)', () => {
  test('6,500 votes tally in full, paged by `created`, with balances read at the snapshot block', async () => {
    // Weights only (the hub keeps signatures to itself here): signing and recovering 6,500 votes
    // takes about 50 s on this machine; the bench (npm run bench) checks 10,000 signatures.
    const count = 6_500;
    const anvil = devnetClient(devnet.chains[0].rpcUrl);
    const token = demo.hub.powerSource.token;
    const slot = await balanceSlot(anvil, token);
    const voters = Array.from({ length: count }, (_, i) => getAddress(`0x${keccak256(toHex(`paging-voter-${i}`)).slice(26)}`));
    const balanceOf = (i: number) => BigInt(1 + (i % 97)) * E18;
    await Promise.all(
      voters.map((v, i) =>
        anvil.setStorageAt({ address: token, index: mappingSlot(v, slot), value: numberToHex(balanceOf(i), { size: 32 }) }),
      ),
    );
    await anvil.mine({ blocks: 1 });
    const snapshotBlock = await anvil.getBlockNumber();
    await anvil.mine({ blocks: 1 });
    const id = keccak256(toHex('alex.eth/paging-6500'));
    const start = now() - 2 * 86_400;
    demo.hub.store.addProposal({
      id,
      space: 'alex.eth',
      type: 'single-choice',
      title: 'Many voters',
      body: '',
      choices: ['Yes', 'No', 'Later'],
      start,
      end: now() - 60,
      snapshot: snapshotBlock,
      author: voters[0]!,
      created: start,
      network: String(DEVNET_A.chainId),
      symbol: 'ALEX',
      strategies: [],
    });
    const expected = [0n, 0n, 0n];
    voters.forEach((voter, i) => {
      expected[i % 3]! += balanceOf(i); // three votes a second: pages end inside a second
      demo.hub.store.putVote({
        id: keccak256(toHex(`paging-vote-${i}`)),
        ipfs: '',
        voter,
        proposal: id,
        created: start + 60 + Math.floor(i / 3),
        choice: 1 + (i % 3),
        reason: '',
        app: '',
        power: balanceOf(i),
        envelope: null,
      });
    });
    demo.hub.serveEnvelopes = false;
    try {
      const result = await tally(id);
      expect(result).toMatchObject({
        verified: count,
        total: count,
        hubDisagrees: false,
        signaturesChecked: false,
        blockNumber: snapshotBlock,
      });
      expect(result.scores).toEqual(expected);
    } finally {
      demo.hub.serveEnvelopes = true;
    }
  });
});

describe('voting power at the snapshot block', () => {
  const at = (
    address: Address,
    abi: typeof erc20Abi | typeof uniswapV2PairAbi,
    functionName: string,
    args: readonly unknown[],
    blockNumber: bigint,
  ) => client.readContract({ address, abi, functionName, args, blockNumber } as never) as Promise<unknown>;

  test('equals direct balanceOf reads at that block, in chunks of any size', async () => {
    const voters = [
      ...Array.from({ length: 21 }, (_, i) => voterAccount(i * 15).address),
      holder1.address,
      holder2.address,
      holder3.address,
    ];
    const block = seeded.snapshotBlock;
    const walletOnly = { ...demo.hub.powerSource, liquidityPair: null };
    const [whole, chunked] = await Promise.all([
      readVotingPower(client, walletOnly, voters, block),
      readVotingPower(client, walletOnly, voters, block, { chunkSize: 7 }),
    ]);
    for (const voter of voters) {
      const direct = (await at(DEVNET_A.creatorToken, erc20Abi, 'balanceOf', [voter], block)) as bigint;
      expect(whole.powers.get(voter.toLowerCase())).toEqual({ wallet: direct, liquidity: 0n, total: direct });
      expect(chunked.powers.get(voter.toLowerCase())).toEqual(whole.powers.get(voter.toLowerCase()));
    }
  });

  test('a balance scan answers every token of every holder in one eth_call, and a token it cannot read as null', async () => {
    const block = seeded.snapshotBlock;
    const pair = demo.hub.powerSource.liquidityPair!;
    const holders = [holder1.address, holder2.address, voterAccount(3).address];
    // The factory has no balanceOf (its call reverts); a holder's address has no code (no answer).
    const tokens = [DEVNET_A.creatorToken, DEVNET_A.factory, pair, holder3.address];
    const { data } = await client.call({ data: encodeBalanceScan(tokens, holders), blockNumber: block });
    const balances = decodeBalanceScan(data!, holders.length * tokens.length);
    for (const [h, holder] of holders.entries()) {
      expect(balances.slice(h * tokens.length, (h + 1) * tokens.length)).toEqual([
        await at(DEVNET_A.creatorToken, erc20Abi, 'balanceOf', [holder], block),
        null,
        await at(pair, uniswapV2PairAbi, 'balanceOf', [holder], block),
        null,
      ]);
    }
  });

  test('counting liquidity adds LP balance × token reserve / LP supply, read at the same block', async () => {
    const block = seeded.snapshotBlock;
    const pair = demo.hub.powerSource.liquidityPair!;
    const { powers } = await readVotingPower(client, demo.hub.powerSource, [holder1.address], block);
    const [lp, supply, [r0, r1], token0] = (await Promise.all([
      at(pair, uniswapV2PairAbi, 'balanceOf', [holder1.address], block),
      at(pair, uniswapV2PairAbi, 'totalSupply', [], block),
      at(pair, uniswapV2PairAbi, 'getReserves', [], block),
      at(pair, uniswapV2PairAbi, 'token0', [], block),
    ])) as [bigint, bigint, [bigint, bigint], Address];
    const reserve = token0.toLowerCase() === DEVNET_A.creatorToken.toLowerCase() ? r0 : r1;
    expect(powers.get(holder1.address.toLowerCase())).toEqual({
      wallet: 12_500n * E18,
      liquidity: (lp * reserve) / supply,
      total: 12_500n * E18 + (lp * reserve) / supply,
    });
    expect((lp * reserve) / supply).toBe(10_000n * E18);
  });

  test('tokens that arrive after the snapshot block do not count', async () => {
    const latecomer = '0x00000000000000000000000000000000000a7e01' as Address;
    // Mined first: anvil's cheat codes write into the head block's state, which may be the snapshot block.
    await client.request({ method: 'evm_mine', params: [] } as never);
    await client.request({ method: 'anvil_dealERC20', params: [latecomer, DEVNET_A.creatorToken, numberToHex(5n * E18)] } as never);
    await client.request({ method: 'evm_mine', params: [] } as never);
    const before = await readVotingPower(client, demo.hub.powerSource, [latecomer], seeded.snapshotBlock);
    const after = await readVotingPower(client, demo.hub.powerSource, [latecomer], await client.getBlockNumber());
    expect(before.powers.get(latecomer.toLowerCase())?.total).toBe(0n);
    expect(after.powers.get(latecomer.toLowerCase())?.total).toBe(5n * E18);
  });

  test('a block the node cannot read fails as a whole, not as every holder having no power', async () => {
    const future = (await client.getBlockNumber()) + 1_000n;
    await expect(readVotingPower(client, demo.hub.powerSource, [holder1.address], future)).rejects.toThrow(
      `Could not read balances at block ${future}`,
    );
  });
});
