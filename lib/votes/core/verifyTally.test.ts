import { describe, expect, test } from 'vitest';
import {
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeAbiParameters,
  encodeFunctionResult,
  keccak256,
  multicall3Abi,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildVoteTypedData, viemTypedData, voteEnvelope } from './buildVoteTypedData';
import type { CheckedVote, EnvelopeExpectation } from './checkEnvelope';
import type { HubClient } from './hubClient';
import type { HubProposal, HubVote } from './hubSchemas';
import { tallyVotes } from './tallyVotes';
import { checkEnvelopes, verifyProposalTally, type EnvelopeChecker, type TallyProgress } from './verifyTally';
import { readVotingPower, type VotingPowerSource } from './votingPower';
import { BALANCE_SCAN } from './balanceScan';

// The pipelined tally (pages checked as they arrive, balances read while later pages are
// checked) against the one-shot order it replaced: every envelope checked, then every verified
// voter's balance, then the count. Same result, whatever the page size or the checker's timing.

const E18 = 10n ** 18n;
const PROPOSAL = keccak256(toHex('pipelined tally'));
const SPACE = 'alex.eth';
const TOKEN: Address = '0x00000000000000000000000000000000000a1e00';
const MULTICALL3: Address = '0xca11bde05977b3631167028862be2a173976ca11';
const BLOCK = 77n;
const source: VotingPowerSource = { token: TOKEN, multicall3: MULTICALL3, liquidityPair: null };
const accounts = Array.from({ length: 9 }, (_, i) => privateKeyToAccount(keccak256(toHex(`pipelined voter ${i}`))));
const balanceOf = (i: number) => (i === 7 ? 0n : BigInt(10 * (i + 1)) * E18); // voter 7 holds nothing

const proposal: HubProposal = {
  id: PROPOSAL,
  title: 'Pipelined',
  body: '',
  choices: ['Piano', 'Spanish', 'Surfing'],
  start: 1_000,
  end: 2_000,
  snapshotBlock: BLOCK,
  state: 'closed',
  type: 'single-choice',
  rawType: 'single-choice',
  network: '31337',
  author: null,
  created: 1_000,
  space: SPACE,
  scores: null,
  scoresTotal: null,
  scoresState: null,
  votes: null,
  privacy: '',
};
const expected: EnvelopeExpectation = {
  space: SPACE,
  proposalId: PROPOSAL,
  type: 'single-choice',
  choicesCount: 3,
  start: 1_000,
  end: 2_000,
};

async function signed(voter: number, choice: number, timestamp: number, signer = voter) {
  const typed = buildVoteTypedData({
    from: accounts[voter]!.address,
    space: SPACE,
    proposal: PROPOSAL,
    type: 'single-choice',
    choice,
    timestamp,
  });
  return voteEnvelope(accounts[voter]!.address, await accounts[signer]!.signTypedData(viemTypedData(typed)), typed);
}

// Honest votes, a changed mind, a forgery, garbage, a late vote, a powerless voter, a bad choice.
const envelopes: unknown[] = await Promise.all([
  signed(0, 1, 1_100),
  signed(1, 2, 1_101),
  signed(2, 3, 1_102),
  signed(0, 2, 1_150), // voter 0 changes their mind: this one counts
  signed(3, 1, 1_103, 4), // signed by voter 4 for voter 3
  { address: accounts[5]!.address, sig: '0x12', data: { nonsense: true } },
  signed(6, 1, 2_500), // after the vote closed
  signed(7, 2, 1_104), // no power at the block
  signed(8, 9, 1_105), // no such choice
  signed(4, 3, 1_106),
  signed(1, 2, 1_101), // the very same vote twice
]);
const hubVotes: HubVote[] = accounts.map((a, i) => ({
  id: `vote-${i}`,
  ipfs: null,
  voter: a.address,
  created: 1_100 + i,
  choice: 1,
  reason: '',
  app: '',
  vp: null,
}));

/**
 * A node answering balance scans (balanceScan.ts) and Multicall3's aggregate3 of decimals,
 * counting the reads each call carried.
 */
function fakeChain() {
  const balances = new Map(accounts.map((a, i) => [a.address.toLowerCase(), balanceOf(i)]));
  const sent: number[] = [];
  const client = createPublicClient({
    transport: custom({
      async request({ method, params }: { method: string; params: [{ to?: Address; data: Hex }, Hex] }) {
        if (method !== 'eth_call') throw new Error(`unexpected ${method}`);
        const [{ to, data }, block] = params;
        expect(BigInt(block)).toBe(BLOCK);
        if (to === undefined) {
          // The scan's code, then the number of tokens, the tokens and the holders, 20 bytes each.
          expect(data.startsWith(`0x${BALANCE_SCAN}`)).toBe(true);
          const args = data.slice(2 + BALANCE_SCAN.length);
          const tokens = Number.parseInt(args.slice(0, 2), 16);
          const holders = args.slice(2 + 40 * tokens).match(/.{40}/g) ?? [];
          sent.push(holders.length * tokens);
          const words = holders.flatMap((h) =>
            Array.from({ length: tokens }, () => (balances.get(`0x${h}`) ?? 0n).toString(16).padStart(64, '0')),
          );
          return `0x${words.join('')}`;
        }
        expect(to.toLowerCase()).toBe(MULTICALL3);
        const { args } = decodeFunctionData({ abi: multicall3Abi, data });
        const calls = args[0] as readonly { target: Address; callData: Hex }[];
        sent.push(calls.length);
        const results = calls.map(({ callData }) => {
          if (callData === '0x313ce567') return { success: true, returnData: encodeAbiParameters([{ type: 'uint8' }], [18]) };
          throw new Error(`unexpected call ${callData}`);
        });
        return encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: results });
      },
    }),
  });
  return { client, sent };
}

/** A hub serving the envelopes in pages of `pageSize` (whatever the tally asks for). */
function fakeHub(pageSize: number, options: { failVotes?: boolean; serveEnvelopes?: boolean } = {}): HubClient {
  const unused = () => Promise.reject(new Error('not used by the tally'));
  return {
    hub: 'http://hub.test',
    proposals: unused,
    votes: unused,
    envelopes: unused,
    allEnvelopes: unused,
    submitVote: unused,
    proposal: async () => proposal,
    allVotes: async (_, onProgress) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.failVotes) throw new Error('the vote list failed');
      onProgress?.(hubVotes.length, null);
      return hubVotes;
    },
    async eachEnvelopePage(_, onPage) {
      if (options.serveEnvelopes === false) return false;
      for (let i = 0; i < envelopes.length; i += pageSize) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        onPage(envelopes.slice(i, i + pageSize), envelopes.length);
      }
      return true;
    },
  };
}

async function oneShot(): Promise<ReturnType<typeof tallyVotes>> {
  const checked = await checkEnvelopes(envelopes, expected);
  const voters = checked.flatMap((c) => (c.ok ? [c.voter] : []));
  const { client } = fakeChain();
  const reading = await readVotingPower(client, source, voters, BLOCK);
  return tallyVotes({
    proposal: { ...proposal, type: 'single-choice' },
    hubVotes,
    checked,
    powers: reading.powers,
    decimals: reading.decimals,
  });
}

const tally = (
  hub: HubClient,
  more: { checkEnvelopes?: EnvelopeChecker; chunkSize?: number; onProgress?: (p: TallyProgress) => void } = {},
) => verifyProposalTally({ hub, client: fakeChain().client, chainId: 31337, power: source, space: SPACE, proposalId: PROPOSAL, ...more });

describe('the pipelined tally', () => {
  test('equals the one-shot order: every check in the hub order, every verified voter read once, the same count', async () => {
    const reference = await oneShot();
    // Reference sanity: the cases the envelopes were made for.
    expect(reference.invalid.map((i) => i.reason).sort()).toEqual(
      [
        'cast after the vote closed',
        `no voting power at block ${BLOCK}`,
        'not a Snapshot vote envelope',
        'not a valid choice for this single-choice proposal',
        `signed by ${accounts[4]!.address.slice(0, 6)}…${accounts[4]!.address.slice(-4)}, not by the voter`,
      ].sort(),
    );
    expect(reference.verified).toBe(4);
    for (const pageSize of [1, 2, 3, 4, 100]) {
      const { proposalId, ...result } = await tally(fakeHub(pageSize), { chunkSize: 2 });
      expect(proposalId).toBe(PROPOSAL);
      expect(result).toEqual(reference);
    }
  });

  test('a checker with workers is called once per page, at most two at a time, and its results are put back in order', async () => {
    const reference = await oneShot();
    const calls: number[] = [];
    let inFlight = 0;
    let most = 0;
    // Later batches answer first: the order of answers must not matter.
    const slowFirst: EnvelopeChecker = async (batch, exp, onProgress) => {
      calls.push(batch.length);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, calls.length % 2 ? 30 : 1));
      const checked: CheckedVote[] = await checkEnvelopes(batch, exp, onProgress);
      inFlight--;
      return checked;
    };
    const { proposalId: _, ...result } = await tally(fakeHub(3), { checkEnvelopes: slowFirst });
    expect(result).toEqual(reference);
    expect(calls).toEqual([3, 3, 3, 2]);
    expect(most).toBe(2);
  });

  test('stages overlap, but progress shows them one at a time, in order', async () => {
    const seen: TallyProgress[] = [];
    await tally(fakeHub(2), { checkEnvelopes: (b, e, p) => checkEnvelopes(b, e, p), onProgress: (p) => seen.push(p) });
    const order = seen.map((p) => p.stage).filter((s, i, all) => all.indexOf(s) === i);
    expect(order).toEqual(['proposal', 'votes', 'envelopes', 'signatures', 'power']);
    // Once a stage is shown, no earlier one comes back.
    const index = seen.map((p) => order.indexOf(p.stage));
    expect(index).toEqual([...index].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ stage: 'power', done: 5, total: 5 }); // every voter whose signature verified, once
  });

  test('balances are read while pages are still being checked', async () => {
    const { client, sent } = fakeChain();
    let readBeforeLastBatch = false;
    let batches = 0;
    const checker: EnvelopeChecker = async (batch, exp) => {
      if (++batches === 4) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        readBeforeLastBatch = sent.length > 1; // decimals + at least one chunk of balances
      }
      return checkEnvelopes(batch, exp);
    };
    await verifyProposalTally({
      hub: fakeHub(3),
      client,
      chainId: 31337,
      power: source,
      space: SPACE,
      proposalId: PROPOSAL,
      checkEnvelopes: checker,
      chunkSize: 1,
    });
    expect(readBeforeLastBatch).toBe(true);
  });

  test('a failing vote list fails the tally with its own error; a hub without envelopes re-checks weights only', async () => {
    await expect(tally(fakeHub(3, { failVotes: true }))).rejects.toThrow('the vote list failed');
    const weightsOnly = await tally(fakeHub(3, { serveEnvelopes: false }));
    expect(weightsOnly).toMatchObject({ signaturesChecked: false, verified: 8, total: 9 });
  });
});
