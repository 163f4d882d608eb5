import type { Scores } from './scores';

// Ranked ballots, as snapshot.js counts them (src/voting/rankedChoice.ts and copeland.ts), on
// bigint power. The callers pass valid votes only: full rankings of every choice.

interface Ballot {
  choice: number[];
  balance: bigint;
}

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

/**
 * Instant runoff. Each round counts first preferences among the candidates still on any ballot
 * (a candidate nobody ranks first counts 0 and goes first); it stops when the leader has more
 * than half of the power still in play or fewer than three candidates remain, else the last
 * candidate is removed from every ballot. Ties go to the lower choice number, both for the
 * leader and for elimination, as JavaScript's integer-key order makes them in snapshot.js.
 * Scores are the final round's counts; eliminated choices score 0.
 */
export function rankedChoiceScores(count: number, valid: readonly Ballot[]): bigint[] {
  let ballots = valid.map((b) => ({ choice: [...b.choice], balance: b.balance }));
  for (;;) {
    const candidates = [...new Set(ballots.flatMap((b) => b.choice))].sort((a, b) => a - b);
    const counts = new Map<number, bigint>(candidates.map((c) => [c, 0n]));
    for (const b of ballots) counts.set(b.choice[0]!, counts.get(b.choice[0]!)! + b.balance);
    const entries = [...counts]; // ascending choice number
    const top = entries.reduce<[number, bigint] | null>((best, e) => (best === null || e[1] > best[1] ? e : best), null);
    const bottom = entries.reduce<[number, bigint] | null>((worst, e) => (worst === null || e[1] < worst[1] ? e : worst), null);
    const inPlay = sum(ballots.map((b) => b.balance));
    if (!top || !bottom || top[1] * 2n > inPlay || entries.length < 3) {
      return Array.from({ length: count }, (_, i) => counts.get(i + 1) ?? 0n);
    }
    ballots = ballots
      .map((b) => ({ choice: b.choice.filter((c) => c !== bottom[0]), balance: b.balance }))
      .filter((b) => b.choice.length > 0);
  }
}

/**
 * Copeland: every pair of choices is a match won by the side more power ranks higher (a draw is
 * half a point to each); ties in points are broken by average support, weighted so it can never
 * overturn a win; the points then share out the valid power. Computed on integers: twice the
 * points, times (choices − 1) × valid power, plus the support, is the same ranking as
 * snapshot.js's fractions.
 */
export function copelandScores(count: number, valid: readonly Ballot[]): Scores {
  const pairwise = Array.from({ length: count }, () => new Array<bigint>(count).fill(0n));
  const support = new Array<bigint>(count).fill(0n);
  const total = sum(valid.map((v) => v.balance));
  for (const vote of valid) {
    for (let r = 0; r < vote.choice.length; r++) {
      for (let s = r + 1; s < vote.choice.length; s++) {
        const higher = vote.choice[r]! - 1;
        const lower = vote.choice[s]! - 1;
        pairwise[higher]![lower]! += vote.balance;
        pairwise[lower]![higher]! -= vote.balance;
        support[higher]! += vote.balance;
      }
    }
  }
  // Each match is seen from both sides, as in snapshot.js: a win adds 2 half-points, a draw 1 to each.
  const halfPoints = new Array<bigint>(count).fill(0n);
  for (let c = 0; c < count; c++) {
    for (let o = 0; o < count; o++) {
      if (c === o) continue;
      const margin = pairwise[c]![o]!;
      if (margin > 0n) halfPoints[c]! += 2n;
      else if (margin < 0n) halfPoints[o]! += 2n;
      else {
        halfPoints[c]! += 1n;
        halfPoints[o]! += 1n;
      }
    }
  }
  const matches = BigInt(count - 1);
  const withSupport = total > 0n && matches > 0n;
  const points = halfPoints.map((h, c) => (withSupport ? h * matches * total + support[c]! : h));
  const allPoints = sum(points);
  const scores = points.map((p) => (allPoints > 0n ? (p * total) / allPoints : count > 0 ? total / BigInt(count) : 0n));
  return { scores, scoresTotal: total };
}
