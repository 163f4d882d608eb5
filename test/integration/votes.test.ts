import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import snapshot from '@snapshot-labs/snapshot.js';
import { createPublicClient, http, numberToHex, type Address, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { erc20Abi, uniswapV2PairAbi } from '@/lib/chain/abis';
import { DEVNET_A } from '@/lib/chain/devnet';
import { buildVoteTypedData, viemTypedData, voteEnvelope, type BuildVoteParameters } from '@/lib/votes/buildVoteTypedData';
import { createHubClient, type HubClient } from '@/lib/votes/hubClient';
import { hubPowerDiffers, hubVotingPower } from '@/lib/votes/hubVotingPower';
import { SIGNATURES_UNAVAILABLE } from '@/lib/votes/tallyVotes';
import { verifyProposalTally } from '@/lib/votes/verifyTally';
import { readVotingPower } from '@/lib/votes/votingPower';
import type { VoteType } from '@/lib/votes/voteTypes';
import { DEVNET_HOLDERS, startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { FORGED_VOTER, RANK_TICKET, SEEDED, seedHub, type SeededHub } from '../demo-server/hub/seed';
import { voterAccount } from '../demo-server/hub/voters';

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
  [devnet, demo] = await Promise.all([startDevnet({ portA: 18745, portB: 18746 }), startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 })]);
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
  const typed = buildVoteTypedData({ from: voter.address, space: 'alex.eth', proposal: SEEDED.learnNext.id, type: 'single-choice', timestamp: now(), ...p });
  return voteEnvelope(voter.address, await privateKeyToAccount(signerKey).signTypedData(viemTypedData(typed)), typed);
}

test('every envelope lib/votes produces verifies with snapshot.js', async () => {
  const cases: [VoteType, BuildVoteParameters['choice']][] = [
    ['single-choice', 1], ['basic', 2], ['approval', [1, 3]], ['ranked-choice', [2, 1, 4, 3]], ['copeland', [4, 3, 2, 1]], ['weighted', { '1': 1, '2': 3 }], ['quadratic', { '4': 2 }],
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
    expect(await hub.submitVote(e)).toEqual(receipt); // the same envelope again: the same receipt
  });

  test('each bad kind is refused with its message', async () => {
    const refusal = async (e: unknown) => (await hub.submitVote(e as never).then(() => 'accepted', (error: Error) => error.message));
    const good = await envelopeFor(holder2.privateKey, { choice: 1 });
    expect(await refusal({ ...good, data: { ...good.data, types: { EIP712Domain: [{ name: 'name', type: 'string' }], ...good.data.types } } })).toBe('The hub refused the vote: wrong types');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1 }, holder3.privateKey))).toBe('The hub refused the vote: signature validation failed');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, timestamp: now() - 3_600 }))).toBe('The hub refused the vote: wrong timestamp');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, proposal: SEEDED.habit.id }))).toBe('The hub refused the vote: not in voting window');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 5 }))).toBe('The hub refused the vote: invalid choice');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: [1], type: 'approval' }))).toBe('The hub refused the vote: invalid choice');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, proposal: `0x${'00'.repeat(32)}` }))).toBe('The hub refused the vote: unknown proposal');
    expect(await refusal(await envelopeFor(holder2.privateKey, { choice: 1, space: 'mike.eth' }))).toBe('The hub refused the vote: unknown space');
    expect(await refusal(await envelopeFor(holder3.privateKey, { choice: 1 }))).toBe('The hub refused the vote: no voting power');
  });

  test('a later vote replaces an earlier one; an older one is refused', async () => {
    const t = now();
    await hub.submitVote(await envelopeFor(holder2.privateKey, { choice: 1, timestamp: t - 10 }));
    await hub.submitVote(await envelopeFor(holder2.privateKey, { choice: 2, timestamp: t - 5 }));
    await expect(hub.submitVote(await envelopeFor(holder2.privateKey, { choice: 4, timestamp: t - 20 }))).rejects.toThrow('already voted at later time');
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
    const result = await verifyProposalTally({ hub, client, chainId: DEVNET_A.chainId, power: demo.hub.powerSource, space: 'alex.eth', proposalId: SEEDED.habit.id, onProgress: (p) => stages.add(p.stage) });
    expect(result.scores).toEqual(expected);
    expect(result).toMatchObject({ verified: 300, total: 301, scoresTotal: 760_550n * E18, hubDisagrees: true, signaturesChecked: true, blockNumber: seeded.snapshotBlock });
    expect(result.invalid).toEqual([{ voter: voterAccount(FORGED_VOTER).address, reason: `signed by ${seeded.forger.slice(0, 6)}…${seeded.forger.slice(-4)}, not by the voter` }]);
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

describe('voting power at the snapshot block', () => {
  const at = (address: Address, abi: typeof erc20Abi | typeof uniswapV2PairAbi, functionName: string, args: readonly unknown[], blockNumber: bigint) =>
    client.readContract({ address, abi, functionName, args, blockNumber } as never) as Promise<unknown>;

  test("equals direct balanceOf reads at that block, in chunks of any size", async () => {
    const voters = [...Array.from({ length: 21 }, (_, i) => voterAccount(i * 15).address), holder1.address, holder2.address, holder3.address];
    const block = seeded.snapshotBlock;
    const walletOnly = { ...demo.hub.powerSource, liquidityPair: null };
    const [whole, chunked] = await Promise.all([readVotingPower(client, walletOnly, voters, block), readVotingPower(client, walletOnly, voters, block, { chunkSize: 7 })]);
    for (const voter of voters) {
      const direct = (await at(DEVNET_A.creatorToken, erc20Abi, 'balanceOf', [voter], block)) as bigint;
      expect(whole.powers.get(voter.toLowerCase())).toEqual({ wallet: direct, liquidity: 0n, total: direct });
      expect(chunked.powers.get(voter.toLowerCase())).toEqual(whole.powers.get(voter.toLowerCase()));
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
    expect(powers.get(holder1.address.toLowerCase())).toEqual({ wallet: 12_500n * E18, liquidity: (lp * reserve) / supply, total: 12_500n * E18 + (lp * reserve) / supply });
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
    await expect(readVotingPower(client, demo.hub.powerSource, [holder1.address], future)).rejects.toThrow(`Could not read balances at block ${future}`);
  });
});
