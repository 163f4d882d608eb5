import { describe, expect, test } from 'vitest';
import type { Address } from 'viem';
import { byValueThenName, discoveryChunks, MAX_BALANCE_READS_PER_CALL } from './discoveryPlan';

const token = (chainId: number, n: number) => ({ chainId, address: `0x${n.toString(16).padStart(40, '0')}` as Address });

describe('discovery chunks', () => {
  test('per chain read, in chunks of at most the cap; other chains are skipped', () => {
    const listed = [
      ...Array.from({ length: 1201 }, (_, i) => token(1, i)),
      ...Array.from({ length: 3 }, (_, i) => token(8453, i)),
      token(999, 1),
    ];
    const plan = discoveryChunks(listed, [1, 8453]);
    expect([...plan.keys()]).toEqual([1, 8453]);
    expect(plan.get(1)!.map((c) => c.length)).toEqual([MAX_BALANCE_READS_PER_CALL, MAX_BALANCE_READS_PER_CALL, 201]);
    expect(plan.get(1)!.flat()).toEqual(listed.slice(0, 1201));
    expect(plan.get(8453)!.map((c) => c.length)).toEqual([3]);
    expect(plan.has(999)).toBe(false);
    expect(
      discoveryChunks(listed, [1], 1000)
        .get(1)!
        .map((c) => c.length),
    ).toEqual([1000, 201]);
    expect(() => discoveryChunks(listed, [1], 0)).toThrow(RangeError);
  });

  test('sorted by value, unknown values last, then by name', () => {
    const rows = [
      { name: 'b', valueUsdE18: null },
      { name: 'c', valueUsdE18: 5n },
      { name: 'a', valueUsdE18: null },
      { name: 'd', valueUsdE18: 50n },
      { name: 'e', valueUsdE18: 5n },
    ];
    expect([...rows].sort(byValueThenName).map((r) => r.name)).toEqual(['d', 'c', 'e', 'a', 'b']);
  });
});
