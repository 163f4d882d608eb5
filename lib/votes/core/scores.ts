import { isValidChoice, isWeightedChoice, type WeightedChoice } from './choices';
import { copelandScores, rankedChoiceScores } from './rankedScores';
import type { VoteType } from './voteTypes';

// Results per voting type, the algorithms of snapshot.js (src/voting/*.ts) in exact integer
// arithmetic: voting power stays in base units (bigint) and only divisions round down, so a
// 10,000-vote tally is not at the mercy of float sums. snapshot.js computes in floats of whole
// tokens; the two agree to far below a display digit (unit tests hold them to 1e-9).

export interface CountedVote {
  /** As the voter signed it (a weighted choice already parsed from its JSON text). */
  choice: unknown;
  /** Voting power at the snapshot block, in base units. */
  balance: bigint;
}

export interface Scores {
  /** Per choice, in base units of voting power. */
  scores: bigint[];
  /** snapshot.js's `getScoresTotal`: every vote's power (copeland: valid votes only). */
  scoresTotal: bigint;
}

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

type ListVote = { choice: number[]; balance: bigint };
/** The votes whose choice is a list of choice numbers (approval, ranked, copeland). */
const listVotes = (votes: readonly CountedVote[]): ListVote[] =>
  votes.flatMap(({ choice, balance }) =>
    Array.isArray(choice) && choice.every((c) => typeof c === 'number') ? [{ choice, balance }] : [],
  );

export function computeScores(type: VoteType, choicesCount: number, votes: readonly CountedVote[]): Scores {
  const valid = votes.filter((v) => isValidChoice(type, v.choice, choicesCount));
  const scoresTotal = sum(votes.map((v) => v.balance));
  const choices = Array.from({ length: choicesCount }, (_, i) => i + 1);
  switch (type) {
    case 'single-choice':
    case 'basic':
      return { scores: choices.map((c) => sum(valid.filter((v) => v.choice === c).map((v) => v.balance))), scoresTotal };
    case 'approval':
      return {
        scores: choices.map((c) =>
          sum(
            listVotes(valid)
              .filter((v) => v.choice.includes(c))
              .map((v) => v.balance),
          ),
        ),
        scoresTotal,
      };
    case 'weighted':
      return { scores: weightedScores(choicesCount, valid), scoresTotal };
    case 'quadratic':
      return { scores: quadraticScores(choicesCount, valid), scoresTotal };
    case 'ranked-choice':
      return { scores: rankedChoiceScores(choicesCount, listVotes(valid)), scoresTotal };
    case 'copeland':
      return copelandScores(choicesCount, listVotes(valid));
  }
}

/** Each vote's power split by its weights; then scaled so the scores add up to the valid power. */
function weightedScores(count: number, valid: readonly CountedVote[]): bigint[] {
  const results = new Array<bigint>(count).fill(0n);
  for (const vote of valid) {
    if (!isWeightedChoice(vote.choice)) continue;
    const { perChoice, total } = scaledWeights(vote.choice, count);
    perChoice.forEach((w, i) => (results[i]! += (vote.balance * w) / total));
  }
  return rescale(results, sum(valid.map((v) => v.balance)));
}

/** sqrt keeps this many decimal digits below a base unit, so small balances still count. */
const ROOT_SCALE = 10n ** 9n;

/** Per choice, (Σ √(share × power))²; then scaled so the scores add up to the valid power. */
function quadraticScores(count: number, valid: readonly CountedVote[]): bigint[] {
  const roots = new Array<bigint>(count).fill(0n);
  for (const vote of valid) {
    if (!isWeightedChoice(vote.choice)) continue;
    const { perChoice, total } = scaledWeights(vote.choice, count);
    perChoice.forEach((w, i) => (roots[i]! += sqrt((vote.balance * w * ROOT_SCALE * ROOT_SCALE) / total)));
  }
  return rescale(
    roots.map((r) => r * r),
    sum(valid.map((v) => v.balance)),
  );
}

/** `parts` scaled to add up to `total` (snapshot.js's percentage-of-total step); zeros if empty. */
function rescale(parts: bigint[], total: bigint): bigint[] {
  const whole = sum(parts);
  return parts.map((p) => (whole === 0n ? 0n : (p * total) / whole));
}

/**
 * Weights as integers with one common scale, read from their decimal text so 0.1 is exactly a
 * tenth. Like snapshot.js, choice i's weight is the value under the key "i" and the total is
 * every value in the map.
 */
export function scaledWeights(choice: WeightedChoice, count: number): { perChoice: bigint[]; total: bigint } {
  const decimals = Object.values(choice).map(decimalOf);
  const scale = Math.max(0, ...decimals.map((d) => d.scale));
  const up = (d: { digits: bigint; scale: number }) => d.digits * 10n ** BigInt(scale - d.scale);
  const total = sum(decimals.map(up));
  const perChoice = Array.from({ length: count }, (_, i) => {
    const w = choice[String(i + 1)];
    return w === undefined ? 0n : up(decimalOf(w));
  });
  return { perChoice, total };
}

/** A finite non-negative number as digits × 10^-scale, from its shortest decimal text. */
function decimalOf(n: number): { digits: bigint; scale: number } {
  const [mantissa = '0', exponent = '0'] = n.toString().split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  let digits = BigInt(int + frac);
  let scale = frac.length - Number(exponent);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/** Integer square root, rounded down (Newton's method from above, so it only descends). */
export function sqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('sqrt of a negative number');
  if (n < 2n) return n;
  const approx = Math.sqrt(Number(n));
  let x = Number.isFinite(approx) ? BigInt(Math.ceil(approx * (1 + 1e-12))) + 1n : 1n << BigInt(Math.ceil(n.toString(2).length / 2) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
