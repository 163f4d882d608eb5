import { describe, expect, test } from 'vitest';
import type { Address } from 'viem';
import type { SignerCache } from './core/checkEnvelope';
import { batchSizeFor, envelopeSignature, MIN_BATCH, SignerIndex, splitBatches } from './tallyBatches';
import { MAX_BATCH } from './tallyWorkersContract';

describe('batch sizes', () => {
  test('about four batches per worker, between MIN_BATCH and MAX_BATCH', () => {
    expect(batchSizeFor(301, 2)).toBe(38); // 8 batches of ≤38 for 2 workers
    expect(batchSizeFor(10_000, 2)).toBe(MAX_BATCH); // 40 messages, none over the cap
    expect(batchSizeFor(10_000, 8)).toBe(MAX_BATCH);
    expect(batchSizeFor(3_000, 8)).toBe(94);
    expect(batchSizeFor(10, 8)).toBe(MIN_BATCH);
    expect(batchSizeFor(1, 0)).toBe(MIN_BATCH); // no thread count yet: still a valid size
  });

  test('splitting keeps every item once, in order, no batch over the size and none empty', () => {
    const cases: [count: number, size: number][] = [
      [0, 25],
      [1, 25],
      [250, 250],
      [251, 250],
      [10_000, 250],
      [301, 38],
    ];
    for (const [count, size] of cases) {
      const items = Array.from({ length: count }, (_, i) => i);
      const batches = splitBatches(items, size);
      expect(batches.flat()).toEqual(items);
      expect(batches.every((b) => b.length >= 1 && b.length <= size)).toBe(true);
      expect(batches).toHaveLength(Math.ceil(count / size));
    }
    expect(() => splitBatches([1], 0)).toThrow(RangeError);
  });
});

describe('the signer cache, by signature', () => {
  const id = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
  const sig = (n: number) => `0x${n.toString(16).padStart(130, 'a')}`;
  const signer = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;

  test('an envelope’s signature, lower-cased, when it has one', () => {
    expect(envelopeSignature({ sig: '0xABcd' })).toBe('0xabcd');
    for (const odd of [null, 'x', 3, {}, { sig: 7 }]) expect(envelopeSignature(odd)).toBeUndefined();
  });

  test('a batch carries only the entries its envelopes’ signatures can use, and learns what the workers recovered', () => {
    const cache: SignerCache = new Map([
      [`${id(1)}${sig(1)}`, signer(1)],
      [`${id(2)}${sig(2)}`, signer(2)],
      [`${id(3)}${sig(2)}`, signer(3)], // the same signature over another message
    ]);
    const index = new SignerIndex(cache);
    expect(index.knownFor([{ sig: sig(2).toUpperCase().replace('0X', '0x') }, { sig: sig(9) }, 'not an envelope'])).toEqual([
      [`${id(2)}${sig(2)}`, signer(2)],
      [`${id(3)}${sig(2)}`, signer(3)],
    ]);
    expect(index.knownFor([{ sig: sig(1) }, { sig: sig(2) }], 2)).toHaveLength(2); // capped

    index.learn([
      [`${id(4)}${sig(4)}`, signer(4)],
      [`${id(1)}${sig(1)}`, signer(9)], // already known: a signature has one signer, the first stays
    ]);
    expect(cache.get(`${id(4)}${sig(4)}`)).toBe(signer(4));
    expect(cache.get(`${id(1)}${sig(1)}`)).toBe(signer(1));
    expect(index.knownFor([{ sig: sig(4) }])).toEqual([[`${id(4)}${sig(4)}`, signer(4)]]);
  });
});
