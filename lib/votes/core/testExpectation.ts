import { keccak256, toHex } from 'viem';
import type { EnvelopeExpectation } from './checkEnvelope';

/**
 * For tests: what a single-choice proposal of alex.eth with three choices, open from 1,000 to
 * 2,000, expects of its votes. The proposal id is the hash of `seed`, so each test file has its own.
 */
export function singleChoiceExpectation(seed: string): EnvelopeExpectation {
  return { space: 'alex.eth', proposalId: keccak256(toHex(seed)), type: 'single-choice', choicesCount: 3, start: 1_000, end: 2_000 };
}
