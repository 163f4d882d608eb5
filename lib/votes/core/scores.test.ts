import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import snapshot from '@snapshot-labs/snapshot.js';
import { computeScores, sqrt, type CountedVote } from './scores';
import type { VoteType } from './voteTypes';

// snapshot.js is the reference: its examples carry expected results, and its own classes are
// run on the same (random) votes. Its numbers are whole tokens in floats; ours are base units.

const E18 = 10n ** 18n;
const require = createRequire(import.meta.url);
const examplesDir = require.resolve('@snapshot-labs/snapshot.js/package.json').replace(/package\.json$/, 'src/voting/examples/');

interface Example {
  proposal: { choices: string[] };
  scores: number[];
  scoresTotal: number;
  votes: { choice: unknown; balance: number; scores: number[] }[];
}
const example = (name: string) => JSON.parse(readFileSync(`${examplesDir}${name}.json`, 'utf8')) as Example;
const tokens = (x: bigint) => Number(x) / 1e18;

function ours(type: VoteType, ex: Pick<Example, 'proposal' | 'votes'>) {
  const votes: CountedVote[] = ex.votes.map((v) => ({ choice: v.choice, balance: BigInt(Math.round(v.balance * 1e6)) * 10n ** 12n }));
  const { scores, scoresTotal } = computeScores(type, ex.proposal.choices.length, votes);
  return { scores: scores.map(tokens), scoresTotal: tokens(scoresTotal) };
}

function theirs(type: VoteType, ex: Pick<Example, 'proposal' | 'votes'>) {
  const Voting = snapshot.utils.voting[type] as unknown as new (...args: unknown[]) => { getScores(): number[]; getScoresTotal(): number };
  const strategies = [{ name: 'ticket', network: '1', params: {} }];
  const voting = new Voting(ex.proposal, ex.votes, strategies, null);
  return { scores: voting.getScores(), scoresTotal: voting.getScoresTotal() };
}

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i]!))));
}

describe("snapshot.js's examples, with their expected results", () => {
  const cases: [VoteType, string][] = [
    ['single-choice', 'singleChoice'],
    ['approval', 'approval'],
    ['weighted', 'weighted'],
    ['quadratic', 'quadratic'],
    ['ranked-choice', 'rankedChoice'],
  ];
  test.each(cases)('%s', (type, file) => {
    const ex = example(file);
    const result = ours(type, ex);
    expectClose(result.scores, ex.scores);
    expect(result.scoresTotal).toBe(ex.scoresTotal);
  });

  test('copeland (its example predates full rankings and the support tie-break: compared with its class)', () => {
    const ex = example('copeland');
    const result = ours('copeland', ex);
    const reference = theirs('copeland', ex);
    expectClose(result.scores, reference.scores);
    expect(result.scoresTotal).toBe(reference.scoresTotal);
  });
});

/** Deterministic pseudo-random numbers, so a failure is reproducible. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function randomVotes(type: VoteType, choices: number, count: number, next: () => number, smallWhole: boolean): Example['votes'] {
  const pick = () => 1 + Math.floor(next() * choices);
  const shuffled = () => [...Array(choices).keys()].map((i) => i + 1).sort(() => next() - 0.5);
  return Array.from({ length: count }, () => {
    // Small whole balances make ties, where the order rules of each algorithm show.
    const balance = smallWhole ? 1 + Math.floor(next() * 3) : Math.round(next() * 1e6) / 100;
    const choice = {
      'single-choice': () => (next() < 0.05 ? choices + 1 : pick()), // a few invalid ones
      basic: pick,
      approval: () => shuffled().slice(0, Math.floor(next() * (choices + 1))),
      'ranked-choice': () => (next() < 0.05 ? [1, 1] : shuffled()),
      copeland: shuffled,
      weighted: () =>
        Object.fromEntries(
          shuffled()
            .slice(0, 1 + Math.floor(next() * choices))
            .map((c) => [String(c), Math.floor(next() * 10)]),
        ),
      quadratic: () =>
        Object.fromEntries(
          shuffled()
            .slice(0, 1 + Math.floor(next() * choices))
            .map((c) => [String(c), Math.round(next() * 100) / 10]),
        ),
    }[type]();
    return { choice, balance, scores: [balance] };
  });
}

describe("same results as snapshot.js's own classes on random votes", () => {
  const types: VoteType[] = ['single-choice', 'basic', 'approval', 'weighted', 'quadratic', 'ranked-choice', 'copeland'];
  test.each(types)('%s', (type) => {
    const next = random(types.indexOf(type) + 7);
    for (let round = 0; round < 40; round++) {
      const choices = 2 + Math.floor(next() * 5);
      const ex = {
        proposal: { choices: Array.from({ length: choices }, (_, i) => `Choice ${i + 1}`) },
        votes: randomVotes(type, choices, 1 + Math.floor(next() * 60), next, round % 2 === 0),
      };
      const result = ours(type, ex);
      const reference = theirs(type, ex);
      expectClose(result.scores, reference.scores);
      expect(result.scoresTotal).toBeCloseTo(reference.scoresTotal, 6);
    }
  });
});

test('single choice is an exact sum of base units', () => {
  const votes = [
    { choice: 1, balance: 3n },
    { choice: 2, balance: 5n * E18 + 1n },
    { choice: 1, balance: 7n },
    { choice: 3, balance: 1n }, // not a choice: counted in the total only, as snapshot.js does
  ];
  expect(computeScores('single-choice', 2, votes)).toEqual({ scores: [10n, 5n * E18 + 1n], scoresTotal: 5n * E18 + 12n });
});

test('weights are read as exact decimals', () => {
  const votes = [{ choice: { '1': 0.1, '2': 0.2 }, balance: 3n * E18 }];
  expect(computeScores('weighted', 2, votes).scores).toEqual([E18, 2n * E18]);
});

test('integer square root', () => {
  for (const n of [0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n, 10n ** 40n, 10n ** 40n - 1n, 2n ** 400n + 12345n]) {
    const r = sqrt(n);
    expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
  }
});
