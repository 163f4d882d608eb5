import { describe, expect, test } from 'vitest';
import { initialChoice, isReadyToSign, isValidChoice } from './choices';

describe('what "Sign vote" may send', () => {
  test('a ranking starts as shown, in the proposal’s order, and is signable as it stands', () => {
    const shown = initialChoice('ranked-choice', 3);
    expect(shown).toEqual([1, 2, 3]);
    expect(isReadyToSign('ranked-choice', shown, 3)).toBe(true);
    expect(initialChoice('copeland', 2)).toEqual([1, 2]);
    expect(isReadyToSign('copeland', initialChoice('copeland', 2), 2)).toBe(true);
  });

  test('other types start with nothing chosen, and nothing is not signable', () => {
    for (const type of ['single-choice', 'basic', 'approval', 'weighted', 'quadratic'] as const) {
      expect(initialChoice(type, 4)).toBeNull();
      expect(isReadyToSign(type, initialChoice(type, 4), 4)).toBe(false);
    }
  });

  test('approval with every box unticked again is not signable, though Snapshot would accept it', () => {
    expect(isValidChoice('approval', [], 4)).toBe(true); // snapshot.js's rule, kept for the tally
    expect(isReadyToSign('approval', [], 4)).toBe(false);
    expect(isReadyToSign('approval', [2], 4)).toBe(true);
    expect(isReadyToSign('approval', [2, 2], 4)).toBe(false);
  });

  test('otherwise the same rule as the hub: in range, complete rankings, some weight', () => {
    expect(isReadyToSign('single-choice', 5, 4)).toBe(false);
    expect(isReadyToSign('ranked-choice', [1, 2], 3)).toBe(false);
    expect(isReadyToSign('weighted', { '1': 0 }, 3)).toBe(false);
    expect(isReadyToSign('weighted', { '1': 2 }, 3)).toBe(true);
  });
});
