import { parseUnknown } from '@/lib/protocol/parseJsonText';
import { choiceEncoding, type VoteType } from './voteTypes';

/** A choice as a voter makes it: 1-based choice numbers, or choice number → weight. */
export type VoteChoice = number | number[] | WeightedChoice;
export type WeightedChoice = Record<string, number>;

// Validity exactly as snapshot.js's `isValidChoice` of each voting type (src/voting/*.ts), so a
// vote the hub would refuse is flagged here and one it would accept is counted. One deviation:
// a weight of Infinity (JSON `1e999`) is refused; snapshot.js would accept it and then divide by it.

const inRange = (n: unknown, count: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= count;
const distinct = (xs: number[]) => new Set(xs).size === xs.length;

export function isWeightedChoice(choice: unknown): choice is WeightedChoice {
  return typeof choice === 'object' && choice !== null && !Array.isArray(choice);
}

function isValidWeighted(choice: unknown, count: number): boolean {
  if (!isWeightedChoice(choice)) return false;
  const keys = Object.keys(choice);
  const values = Object.values(choice);
  return (
    keys.length > 0 &&
    keys.every((key) => inRange(Number(key), count)) &&
    values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0) &&
    values.some((v) => v > 0)
  );
}

/** Whether `choice` is a valid vote of `type` on a proposal with `count` choices. */
export function isValidChoice(type: VoteType, choice: unknown, count: number): choice is VoteChoice {
  switch (type) {
    case 'single-choice':
    case 'basic':
      return inRange(choice, count);
    case 'approval':
      return Array.isArray(choice) && choice.every((c) => inRange(c, count)) && distinct(choice);
    case 'ranked-choice':
    case 'copeland':
      // A full ranking: every choice exactly once (both snapshot.js types require it).
      return Array.isArray(choice) && choice.length === count && count > 0 && choice.every((c) => inRange(c, count)) && distinct(choice);
    case 'weighted':
    case 'quadratic':
      return isValidWeighted(choice, count);
  }
}

/** Whether `choice` has the shape the message type of `type` can carry (before the proposal is known). */
export function hasChoiceShape(type: VoteType, choice: unknown): boolean {
  const isUint32 = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff;
  switch (choiceEncoding(type)) {
    case 'uint32':
      return isUint32(choice);
    case 'uint32[]':
      return Array.isArray(choice) && choice.length <= 1000 && choice.every(isUint32);
    case 'string':
      return isWeightedChoice(choice) && Object.values(choice).every((v) => typeof v === 'number' && Number.isFinite(v));
  }
}

/** The choice a signed message carries: weighted and quadratic sign a JSON string. */
export function choiceFromMessage(type: VoteType, signed: unknown): unknown {
  if (choiceEncoding(type) !== 'string') return signed;
  if (typeof signed !== 'string' || signed.length > 10_000) return undefined;
  try {
    return parseUnknown(signed);
  } catch {
    return undefined;
  }
}

/** What the message signs for `choice`: the number(s) as they are, a weight map as JSON text. */
export function choiceForMessage(type: VoteType, choice: VoteChoice): number | number[] | string {
  return choiceEncoding(type) === 'string' ? JSON.stringify(choice) : (choice as number | number[]);
}

/**
 * What the card starts with before the voter touches anything: a ranking is shown in the
 * proposal's order, so that order is the choice (signable as it stands); other types start empty.
 */
export function initialChoice(type: VoteType, count: number): VoteChoice | null {
  if (type === 'ranked-choice' || type === 'copeland') return Array.from({ length: count }, (_, i) => i + 1);
  return null;
}

/**
 * Whether "Sign vote" may be pressed: a valid choice that says something. Stricter than
 * `isValidChoice` in one place: Snapshot accepts an approval vote approving nothing, but a
 * voter who unticked every box has not chosen anything, so the companion does not sign it.
 */
export function isReadyToSign(type: VoteType, choice: unknown, count: number): choice is VoteChoice {
  if (choice === null || choice === undefined) return false;
  if (type === 'approval' && (!Array.isArray(choice) || choice.length === 0)) return false;
  return isValidChoice(type, choice, count);
}
