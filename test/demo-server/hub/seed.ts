import { createPublicClient, getAddress, hashTypedData, http, keccak256, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildVoteTypedData, viemTypedData, voteEnvelope } from '../../../lib/votes/core/buildVoteTypedData';
import type { VoteChoice } from '../../../lib/votes/core/choices';
import { readVotingPower } from '../../../lib/votes/core/votingPower';
import type { VoteType } from '../../../lib/votes/core/voteTypes';
import type { DemoHub } from './demoHub';
import type { ProposalRecord } from './store';
import { fundVoters, voterAccount, voterBalance } from './voters';

// What the demo hub holds once the devnet is up: two open proposals (snapshot block = the block
// after seeding) with a few votes each, and a closed one with 300 signed votes plus one forged
// vote (a funded voter's name, another key's signature) that a verified tally must flag. Three
// more open ones with no votes yet: a ranking whose space also gives every voter 1,000 votes (a
// `ticket` strategy, so the hub's `vp` differs from the token's), an approval vote, and a
// shielded one (`privacy: "shutter"`) that only Snapshot's own site can vote on.
// Everything is derived from fixed rules, so tests can state the expected results.

const id = (slug: string): Hex => keccak256(toHex(`alex.eth/${slug}`));

export const SEEDED = {
  learnNext: {
    id: id('learn-next'),
    type: 'single-choice',
    title: 'What should Alex learn next?',
    choices: ['Piano', 'Spanish', 'Solidity', 'Surfing'],
  },
  splitWeek: {
    id: id('split-week'),
    type: 'weighted',
    title: 'How should Alex split his week?',
    choices: ['Building', 'Writing', 'Travelling', 'Running'],
  },
  habit: {
    id: id('habit-2021'),
    type: 'single-choice',
    title: 'Which habit should Alex keep for 2021?',
    choices: ['Run 5 km every day', 'Meditate every morning', 'No sugar', 'Write 500 words a day'],
  },
  rankVideos: {
    id: id('rank-videos'),
    type: 'ranked-choice',
    title: 'Rank Alex’s next videos',
    choices: ['Studio tour', 'A day of building', 'Questions from holders'],
  },
  cities: {
    id: id('cities'),
    type: 'approval',
    title: 'Which cities should Alex visit?',
    choices: ['Lisbon', 'Tokyo', 'Mexico City', 'Nairobi'],
  },
  collab: {
    id: id('collab-shielded'),
    type: 'single-choice',
    title: 'Who should Alex collaborate with?',
    choices: ['Mike', 'Someone new'],
  },
} as const satisfies Record<string, { id: Hex; type: VoteType; title: string; choices: readonly string[] }>;

/** Every voter's extra power on the ranking: the space's `ticket` strategy, in whole tokens. */
export const RANK_TICKET = 1_000;

/** Voters 0–299 vote on the closed proposal; 300 is the forged voter; 301–312 and 313–320 vote on the open ones. */
export const HABIT_VOTERS = 300;
export const FORGED_VOTER = 300;
export const FORGER_KEY = keccak256(toHex('alex-demo-forger'));
export const FORGED_CHOICE = 3;
const LEARN_VOTERS = [301, 312] as const;
const SPLIT_VOTERS = [313, 320] as const;
const ALL_VOTERS = 321;

/** The closed proposal's choice of voter i: "Run 5 km every day" leads, as on Alex's site. */
export function habitChoiceOf(i: number): number {
  return [1, 1, 2, 1, 3, 4, 1, 2, 3, 1][i % 10]!;
}

const learnChoiceOf = (i: number) => [3, 1, 3, 2][i % 4]!;
const splitChoiceOf = (i: number): VoteChoice =>
  [
    { '1': 3, '2': 1 },
    { '1': 1, '4': 1 },
    { '2': 2, '3': 1, '4': 1 },
  ][i % 3]!;

export interface SeededHub {
  snapshotBlock: bigint;
  forgedVoter: Address;
  forger: Address;
}

const DAY = 86_400;

export async function seedHub(hub: DemoHub, chain: { rpcUrl: string; multicall3: Address }): Promise<SeededHub> {
  hub.connect(chain.rpcUrl);
  const token = hub.powerSource.token;
  const voters = Array.from({ length: ALL_VOTERS }, (_, i) => voterAccount(i).address);
  await fundVoters(chain, token, voters, voterBalance);
  const client = createPublicClient({ transport: http(chain.rpcUrl, { batch: true }) });
  const snapshotBlock = await client.getBlockNumber();
  // One more block on top: anvil's cheat codes write into the head block's state, and the
  // snapshot block must stay what it was when the proposals were made.
  await client.request({ method: 'evm_mine', params: [] } as never);
  const { powers } = await readVotingPower(client, hub.powerSource, voters, snapshotBlock);
  const now = hub.store.now();
  const author = voters[0]!;
  const proposal = (p: (typeof SEEDED)[keyof typeof SEEDED], start: number, end: number, body: string): ProposalRecord => ({
    ...p,
    choices: [...p.choices],
    space: hub.space,
    body,
    start,
    end,
    snapshot: snapshotBlock,
    author,
    created: start,
    network: String(hub.chainId),
    symbol: 'ALEX',
    strategies: [{ name: 'erc20-balance-of', network: String(hub.chainId), params: { address: token, decimals: 18 } }],
  });
  hub.store.addProposal(proposal(SEEDED.habit, now - 8 * DAY, now - DAY, 'Holders chose my habit for the year. 1 ALEX = 1 vote.'));
  hub.store.addProposal(
    proposal(SEEDED.learnNext, now - 3_600, now + 7 * DAY, 'One skill for the next three months. I will post my progress every week.'),
  );
  hub.store.addProposal(
    proposal(SEEDED.splitWeek, now - 3_600, now + 7 * DAY, 'Split 100% of my working week between these; I will follow the average.'),
  );
  // Made a little earlier, so they list after the two above (newest first).
  const ranking = proposal(
    SEEDED.rankVideos,
    now - 4_000,
    now + 7 * DAY,
    'Put them in the order you want to see them. Every holder also gets 1,000 votes.',
  );
  ranking.strategies = [
    ...ranking.strategies,
    { name: 'ticket', network: String(hub.chainId), params: { value: RANK_TICKET, symbol: 'VOTE' } },
  ];
  hub.store.addProposal(ranking);
  hub.store.addProposal(proposal(SEEDED.cities, now - 4_100, now + 7 * DAY, 'Tick every city you would like a meetup in.'));
  hub.store.addProposal({ ...proposal(SEEDED.collab, now - 4_200, now + 7 * DAY, 'Votes stay hidden until the end.'), privacy: 'shutter' });

  const cast = async (proposalId: Hex, type: VoteType, i: number, choice: VoteChoice, timestamp: number, signerKey?: Hex) => {
    const voter = voterAccount(i);
    const typed = buildVoteTypedData({
      from: voter.address,
      space: hub.space,
      proposal: proposalId,
      type,
      choice,
      timestamp,
      app: 'alex-demo',
    });
    const signer = signerKey ? privateKeyToAccount(signerKey) : voter;
    const envelope = voteEnvelope(voter.address, await signer.signTypedData(viemTypedData(typed)), typed);
    const vid = hashTypedData(viemTypedData(typed));
    const power = powers.get(voter.address.toLowerCase())?.total ?? 0n;
    hub.store.putVote({
      id: vid,
      ipfs: `demo-${vid.slice(2, 18)}`,
      voter: getAddress(voter.address),
      proposal: proposalId,
      created: timestamp,
      choice,
      reason: '',
      app: 'alex-demo',
      power,
      envelope,
    });
  };
  const habitStart = now - 8 * DAY;
  for (let i = 0; i < HABIT_VOTERS; i++) await cast(SEEDED.habit.id, 'single-choice', i, habitChoiceOf(i), habitStart + 60 + i * 120);
  // The hub lists this one like any other; only its signature gives it away.
  await cast(SEEDED.habit.id, 'single-choice', FORGED_VOTER, FORGED_CHOICE, habitStart + 60 + HABIT_VOTERS * 120, FORGER_KEY);
  for (let i = LEARN_VOTERS[0]; i <= LEARN_VOTERS[1]; i++)
    await cast(SEEDED.learnNext.id, 'single-choice', i, learnChoiceOf(i), now - 3_000 + i);
  for (let i = SPLIT_VOTERS[0]; i <= SPLIT_VOTERS[1]; i++)
    await cast(SEEDED.splitWeek.id, 'weighted', i, splitChoiceOf(i), now - 3_000 + i);
  return { snapshotBlock, forgedVoter: voterAccount(FORGED_VOTER).address, forger: privateKeyToAccount(FORGER_KEY).address };
}
