import { formatUnits } from 'viem';
import type { CheckedVote } from './checkEnvelope';
import { isValidChoice } from './choices';
import type { HubProposal, HubVote } from './hubSchemas';
import { computeScores } from './scores';
import type { VotingPower } from './votingPower';
import type { VoteType } from './voteTypes';

// The verified tally: which votes count (latest valid signed vote per voter, with power at the
// snapshot block), the scores they give, and where the hub's own claims differ from ours.

export const SIGNATURES_UNAVAILABLE = 'Signatures not available from this hub: weights re-checked only';

export interface CountedVoteDetail {
  voter: string;
  choice: unknown;
  timestamp: number;
  /** Voting power counted, base units. */
  power: bigint;
}

export interface VerifiedTally {
  /** Per choice, base units of voting power. */
  scores: bigint[];
  scoresTotal: bigint;
  /** Votes that passed every check and were counted. */
  verified: number;
  /** Distinct voters the hub lists or that signed an envelope: verified + invalid. */
  total: number;
  invalid: { voter: string; reason: string }[];
  hubDisagrees: boolean;
  /** Why, in short sentences, when the hub's claims differ from what was recomputed. */
  disagreements: string[];
  signaturesChecked: boolean;
  notes: string[];
  counted: CountedVoteDetail[];
  decimals: number;
  blockNumber: bigint;
}

export interface TallyInput {
  proposal: Pick<HubProposal, 'choices' | 'scores' | 'snapshotBlock'> & { type: VoteType };
  hubVotes: readonly HubVote[];
  /** Checked envelopes, or null when the hub serves none. */
  checked: readonly CheckedVote[] | null;
  powers: ReadonlyMap<string, VotingPower | null>;
  decimals: number;
}

type Candidate = { voter: string; choice: unknown; timestamp: number };

export function tallyVotes(input: TallyInput): VerifiedTally {
  const steps = countSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The longest the yielding count holds the thread between two hand-backs. */
const COUNT_SLICE_MS = 10;

/**
 * The same count, handing the thread back (setTimeout 0) every COUNT_SLICE_MS: 10,000 votes take
 * ~40–90 ms of one core (more before the JIT warms up), too long for a service worker to hold.
 */
export async function tallyVotesYielding(input: TallyInput): Promise<VerifiedTally> {
  const steps = countSteps(input);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= COUNT_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}

/** Every this many votes the count offers to pause (a `yield`), so the caller may hand the thread back. */
const STEP = 500;

function* countSteps({ proposal, hubVotes, checked, powers, decimals }: TallyInput): Generator<void, VerifiedTally> {
  let n = 0;
  // Each voter's lower-case key computed once: 10,000 votes are counted in one go on the thread
  // that tallies (a service worker's), and every fresh string is hashed again by each Map it meets.
  const hubKeys = hubVotes.map((v) => v.voter.toLowerCase());
  // The voter as the hub or the envelope wrote it (checksummed), not our lower-case key; the hub's last.
  const names = new Map<string, string>();
  const invalid = new Map<string, string>();
  const latest = new Map<string, Candidate>();
  const offer = (key: string, c: Candidate) => {
    const previous = latest.get(key);
    // A later vote replaces an earlier one; at the same second, the later in the hub's order.
    if (!previous || c.timestamp >= previous.timestamp) latest.set(key, c);
  };
  if (checked) {
    for (const vote of checked) {
      if (++n % STEP === 0) yield;
      const key = vote.voter.toLowerCase();
      names.set(key, vote.voter);
      if (vote.ok) offer(key, { voter: vote.voter, choice: vote.choice, timestamp: vote.timestamp });
      else invalid.set(key, vote.reason);
    }
    for (let i = 0; i < hubVotes.length; i++) {
      if (++n % STEP === 0) yield;
      const key = hubKeys[i]!;
      if (!latest.has(key) && !invalid.has(key)) invalid.set(key, 'the hub lists this vote but serves no signed envelope for it');
    }
  } else {
    for (const [i, listed] of hubVotes.entries()) {
      if (++n % STEP === 0) yield;
      if (isValidChoice(proposal.type, listed.choice, proposal.choices.length))
        offer(hubKeys[i]!, { voter: listed.voter, choice: listed.choice, timestamp: listed.created });
      else invalid.set(hubKeys[i]!, `not a valid choice for this ${proposal.type} proposal`);
    }
  }
  hubVotes.forEach((listed, i) => names.set(hubKeys[i]!, listed.voter));
  const counted: CountedVoteDetail[] = [];
  const countedKeys: string[] = [];
  yield;
  for (const [key, vote] of latest) {
    if (++n % STEP === 0) yield;
    invalid.delete(key); // the voter's counted vote stands; an earlier bad envelope does not matter
    const power = powers.get(key);
    if (power === undefined || power === null) invalid.set(key, 'voting power could not be read');
    else if (power.total === 0n) invalid.set(key, `no voting power at block ${proposal.snapshotBlock}`);
    else {
      counted.push({ ...vote, power: power.total });
      countedKeys.push(key);
    }
  }
  yield;
  const { scores, scoresTotal } = computeScores(
    proposal.type,
    proposal.choices.length,
    counted.map((v) => ({ choice: v.choice, balance: v.power })),
  );
  yield;
  const disagreements = yield* compareWithHub(proposal, hubVotes, hubKeys, counted, countedKeys, invalid, scores, decimals);
  return {
    scores,
    scoresTotal,
    verified: counted.length,
    total: counted.length + invalid.size,
    invalid: [...invalid].map(([voter, reason]) => ({ voter: names.get(voter) ?? voter, reason })),
    hubDisagrees: disagreements.length > 0,
    disagreements,
    signaturesChecked: checked !== null,
    notes: checked ? [] : [SIGNATURES_UNAVAILABLE],
    counted,
    decimals,
    blockNumber: proposal.snapshotBlock,
  };
}

/** Floats of whole tokens (the hub's unit) agree when within a millionth. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function* compareWithHub(
  proposal: TallyInput['proposal'],
  hubVotes: readonly HubVote[],
  hubKeys: readonly string[],
  counted: readonly CountedVoteDetail[],
  countedKeys: readonly string[],
  invalid: ReadonlyMap<string, string>,
  scores: readonly bigint[],
  decimals: number,
): Generator<void, string[]> {
  const out: string[] = [];
  const tokens = (x: bigint) => Number(formatUnits(x, decimals));
  // Per voter, 10,000 times in a big tally: a float division (relative error ~1e-16, far inside
  // close()'s millionth) instead of formatUnits' string round trip.
  const scale = 10 ** decimals;
  const tokensFast = (x: bigint) => Number(x) / scale;
  const sameChoice = (a: unknown, b: unknown) =>
    typeof a === 'number' || typeof b === 'number' ? a === b : JSON.stringify(a) === JSON.stringify(b);
  if (proposal.scores && proposal.scores.length > 0) {
    const differ = proposal.scores.length !== scores.length || scores.some((s, i) => !close(tokens(s), proposal.scores![i]!));
    if (differ)
      out.push(
        `The hub's scores (${proposal.scores.map(round).join(', ')}) differ from the recomputed ones (${scores.map((s) => round(tokens(s))).join(', ')})`,
      );
  }
  const countedBy = new Map(counted.map((v, i) => [countedKeys[i]!, v]));
  let badListed = 0;
  let otherPower = 0;
  let otherChoice = 0;
  for (const [i, listed] of hubVotes.entries()) {
    if (i % STEP === STEP - 1) yield;
    const key = hubKeys[i]!;
    const ours = countedBy.get(key);
    if (invalid.has(key)) badListed++;
    if (!ours) continue;
    if (listed.vp !== null && !close(listed.vp, tokensFast(ours.power))) otherPower++;
    if (!sameChoice(listed.choice, ours.choice)) otherChoice++;
  }
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  if (badListed) out.push(`The hub counts ${n(badListed, 'vote')} that did not verify`);
  if (otherPower) out.push(`The hub gives other voting power to ${n(otherPower, 'voter')}`);
  if (otherChoice) out.push(`The hub lists another choice than the signed one for ${n(otherChoice, 'voter')}`);
  const listedVoters = new Set(hubKeys);
  const unlisted = countedKeys.filter((key) => !listedVoters.has(key)).length;
  if (unlisted) out.push(`The hub does not list ${n(unlisted, 'signed vote')}`);
  return out;
}

const round = (x: number) => (Math.round(x * 100) / 100).toString();
