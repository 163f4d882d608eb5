import { expect, test } from 'vitest';
import { keccak256, toHex, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildVoteTypedData, viemTypedData, voteEnvelope } from './buildVoteTypedData';
import type { VoteChoice } from './choices';
import { checkVoteEnvelope } from './checkEnvelope';
import type { HubVote } from './hubSchemas';
import { SIGNATURES_UNAVAILABLE, tallyVotes, type TallyInput } from './tallyVotes';
import type { VotingPower } from './votingPower';

const E18 = 10n ** 18n;
const PROPOSAL = keccak256(toHex('tally'));
const accounts = [0, 1, 2, 3].map((i) => privateKeyToAccount(keccak256(toHex(`tally voter ${i}`))));
const [a, b, c, d] = accounts as [
  (typeof accounts)[number],
  (typeof accounts)[number],
  (typeof accounts)[number],
  (typeof accounts)[number],
];
const proposal: TallyInput['proposal'] = {
  type: 'single-choice',
  choices: ['Piano', 'Spanish', 'Surfing'],
  scores: null,
  snapshotBlock: 42n,
};
const expectation = { space: 'alex.eth', proposalId: PROPOSAL, type: 'single-choice' as const, choicesCount: 3, start: 0, end: 10_000 };

async function envelope(voter: (typeof accounts)[number], choice: VoteChoice, timestamp: number, signer = voter) {
  const typed = buildVoteTypedData({
    from: voter.address,
    space: 'alex.eth',
    proposal: PROPOSAL,
    type: 'single-choice',
    choice,
    timestamp,
  });
  return voteEnvelope(voter.address, await signer.signTypedData(viemTypedData(typed)), typed);
}
const power = (tokens: bigint): VotingPower => ({ wallet: tokens * E18, liquidity: 0n, total: tokens * E18 });
const powers = new Map<string, VotingPower | null>([
  [a.address.toLowerCase(), power(100n)],
  [b.address.toLowerCase(), power(50n)],
  [c.address.toLowerCase(), power(0n)],
  [d.address.toLowerCase(), power(7n)],
]);
const listed = (voter: Address, choice: number, vp: number, created = 5): HubVote => ({
  id: voter,
  ipfs: null,
  voter,
  created,
  choice,
  reason: '',
  app: '',
  vp,
});

test('latest valid vote per voter counts; forged and powerless votes are flagged; the hub is compared', async () => {
  const envelopes = [
    await envelope(a, 1, 5),
    await envelope(a, 2, 9), // a changes their mind: only this one counts
    await envelope(b, 3, 5),
    await envelope(c, 1, 5), // holds nothing at the snapshot block
    await envelope(d, 1, 5, a), // d's vote, signed by a's key
  ];
  const checked = await Promise.all(envelopes.map((e) => checkVoteEnvelope(e, expectation)));
  const hubVotes = [listed(a.address, 2, 100), listed(b.address, 3, 50), listed(c.address, 1, 0), listed(d.address, 1, 7)];
  const tally = tallyVotes({ proposal: { ...proposal, scores: [7, 100, 50] }, hubVotes, checked, powers, decimals: 18 });
  expect(tally).toMatchObject({
    scores: [0n, 100n * E18, 50n * E18],
    scoresTotal: 150n * E18,
    verified: 2,
    total: 4,
    signaturesChecked: true,
    hubDisagrees: true,
  });
  expect(tally.invalid).toEqual([
    { voter: d.address, reason: `signed by ${a.address.slice(0, 6)}…${a.address.slice(-4)}, not by the voter` },
    { voter: c.address, reason: 'no voting power at block 42' },
  ]);
  expect(tally.disagreements).toEqual([
    "The hub's scores (7, 100, 50) differ from the recomputed ones (0, 100, 50)",
    'The hub counts 2 votes that did not verify',
  ]);
});

test('a hub whose claims match is not flagged', async () => {
  const checked = await Promise.all([envelope(a, 2, 5), envelope(b, 3, 5)].map(async (e) => checkVoteEnvelope(await e, expectation)));
  const hubVotes = [listed(a.address, 2, 100), listed(b.address, 3, 50)];
  const tally = tallyVotes({ proposal: { ...proposal, scores: [0, 100, 50] }, hubVotes, checked, powers, decimals: 18 });
  expect(tally).toMatchObject({ verified: 2, total: 2, invalid: [], hubDisagrees: false, disagreements: [] });
});

test('without envelopes: weights re-checked only, and said so', () => {
  const hubVotes = [listed(a.address, 1, 100), listed(b.address, 3, 60), listed(d.address, 9, 7)];
  const tally = tallyVotes({ proposal, hubVotes, checked: null, powers, decimals: 18 });
  expect(tally).toMatchObject({
    scores: [100n * E18, 0n, 50n * E18],
    verified: 2,
    total: 3,
    signaturesChecked: false,
    notes: [SIGNATURES_UNAVAILABLE],
  });
  expect(tally.invalid).toEqual([{ voter: d.address, reason: 'not a valid choice for this single-choice proposal' }]);
  expect(tally.disagreements).toEqual(['The hub counts 1 vote that did not verify', 'The hub gives other voting power to 1 voter']);
});

test('a listed vote without an envelope is not counted; an unlisted signed one is, and noted', async () => {
  const checked = [await checkVoteEnvelope(await envelope(a, 1, 5), expectation)];
  const tally = tallyVotes({ proposal, hubVotes: [listed(b.address, 3, 50)], checked, powers, decimals: 18 });
  expect(tally.invalid).toEqual([{ voter: b.address, reason: 'the hub lists this vote but serves no signed envelope for it' }]);
  expect(tally.disagreements).toContain('The hub does not list 1 signed vote');
  expect(tally.scores).toEqual([100n * E18, 0n, 0n]);
});
