import { keccak_256 } from '@noble/hashes/sha3';
import { expect, test } from 'vitest';
import { getAddress } from 'viem';
import { checksumLowerHex, keccak256Bytes, toHexDigits } from './keccak256';

// The unrolled permutation against @noble/hashes (viem's keccak): every length across the
// 136-byte block boundaries, with bytes that set every bit, and known vectors.

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('equals @noble/hashes keccak_256 for every length 0..600', () => {
  for (let length = 0; length <= 600; length++) {
    const input = new Uint8Array(length);
    for (let i = 0; i < length; i++) input[i] = (i * 131 + length * 7 + 0xa5) & 0xff;
    expect(hex(keccak256Bytes(input)), `length ${length}`).toBe(hex(keccak_256(input)));
  }
});

test('equals @noble/hashes on random inputs, and leaves no state between calls', () => {
  for (let k = 0; k < 300; k++) {
    const input = crypto.getRandomValues(new Uint8Array(1 + Math.floor(Math.random() * 1_000)));
    expect(hex(keccak256Bytes(input))).toBe(hex(keccak_256(input)));
  }
});

test('known vectors', () => {
  expect(hex(keccak256Bytes(new Uint8Array()))).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  expect(hex(keccak256Bytes(new Uint8Array(Buffer.from('Transfer(address,address,uint256)'))))).toBe(
    'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef',
  );
});

test('checksumLowerHex spells addresses as viem getAddress does', () => {
  for (let k = 0; k < 500; k++) {
    const lower = hex(crypto.getRandomValues(new Uint8Array(20)));
    expect(checksumLowerHex(lower)).toBe(getAddress(`0x${lower}`));
  }
  expect(toHexDigits(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001abff');
});
