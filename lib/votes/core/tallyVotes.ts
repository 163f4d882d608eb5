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

export function tallyVotes({ proposal, hubVotes, checked, powers, decimals }: TallyInput): VerifiedTally {
  const invalid = new Map<string, string>();
  const latest = new Map<string, Candidate>();
  const offer = (c: Candidate) => {
    const key = c.voter.toLowerCase();
    const previous = latest.get(key);
    // A later vote replaces an earlier one; at the same second, the later in the hub's order.
    if (!previous || c.timestamp >= previous.timestamp) latest.set(key, c);
  };
  if (checked) {
    for (const vote of checked) {
      if (vote.ok) offer({ voter: vote.voter, choice: vote.choice, timestamp: vote.timestamp });
      else invalid.set(vote.voter.toLowerCase(), vote.reason);
    }
    for (const listed of hubVotes) {
      const key = listed.voter.toLowerCase();
      if (!latest.has(key) && !invalid.has(key)) invalid.set(key, 'the hub lists this vote but serves no signed envelope for it');
    }
  } else {
    for (const listed of hubVotes) {
      if (isValidChoice(proposal.type, listed.choice, proposal.choices.length))
        offer({ voter: listed.voter, choice: listed.choice, timestamp: listed.created });
      else invalid.set(listed.voter.toLowerCase(), `not a valid choice for this ${proposal.type} proposal`);
    }
  }
  const counted: CountedVoteDetail[] = [];
  for (const [key, vote] of latest) {
    invalid.delete(key); // the voter's counted vote stands; an earlier bad envelope does not matter
    const power = powers.get(key);
    if (power === undefined || power === null) invalid.set(key, 'voting power could not be read');
    else if (power.total === 0n) invalid.set(key, `no voting power at block ${proposal.snapshotBlock}`);
    else counted.push({ ...vote, power: power.total });
  }
  const { scores, scoresTotal } = computeScores(
    proposal.type,
    proposal.choices.length,
    counted.map((v) => ({ choice: v.choice, balance: v.power })),
  );
  // The voter as the hub or the envelope wrote it (checksummed), not our lower-case key.
  const names = new Map([...(checked ?? []), ...hubVotes].map((v) => [v.voter.toLowerCase(), v.voter]));
  const disagreements = compareWithHub(proposal, hubVotes, counted, invalid, scores, decimals);
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

function compareWithHub(
  proposal: TallyInput['proposal'],
  hubVotes: readonly HubVote[],
  counted: readonly CountedVoteDetail[],
  invalid: ReadonlyMap<string, string>,
  scores: readonly bigint[],
  decimals: number,
): string[] {
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
  const countedBy = new Map(counted.map((v) => [v.voter.toLowerCase(), v]));
  let badListed = 0;
  let otherPower = 0;
  let otherChoice = 0;
  for (const listed of hubVotes) {
    const key = listed.voter.toLowerCase();
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
  const listedVoters = new Set(hubVotes.map((v) => v.voter.toLowerCase()));
  const unlisted = counted.filter((v) => !listedVoters.has(v.voter.toLowerCase())).length;
  if (unlisted) out.push(`The hub does not list ${n(unlisted, 'signed vote')}`);
  return out;
}

const round = (x: number) => (Math.round(x * 100) / 100).toString();
