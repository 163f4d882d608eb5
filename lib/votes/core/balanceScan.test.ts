import { describe, expect, test } from 'vitest';
import { getAddress, keccak256, toHex, type Address, type Hex } from 'viem';
import { assemble, BALANCE_SCAN, decodeBalanceScan, encodeBalanceScan } from './balanceScan';

// The scan's behaviour on a node is tested against anvil (test/integration/votes.test.ts: every
// balance equal to a direct balanceOf, unreadable tokens as null); here: the assembler, the
// calldata layout and the reading of the answer.

const token = getAddress('0x5fbdb2315678afecb367f032d93f642f64180aa3');
const pair = getAddress('0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0');
const holders = Array.from({ length: 3 }, (_, i) => getAddress(keccak256(toHex(`holder ${i}`)).slice(0, 42)));
const word = (n: bigint) => n.toString(16).padStart(64, '0');

describe('assembler', () => {
  test('labels become jump targets, @name pushes one in two bytes, PUSHn takes n bytes, comments are dropped', () => {
    const code = assemble(`
      @end PUSH1 0x2a        ; 61000e 602a
      here:                  ; 5b at offset 5
      PUSH3 100000 @here     ; 620186a0 610005
      JUMP                   ; 56; the end is offset 14
    `);
    expect(toHex(code)).toBe('0x61000e602a5b620186a061000556');
  });

  test('unknown mnemonics, missing labels and values too wide are refused', () => {
    expect(() => assemble('JUMPY')).toThrow('unknown JUMPY');
    expect(() => assemble('@nowhere JUMP')).toThrow('no label @nowhere');
    expect(() => assemble('PUSH1 256')).toThrow('256 does not fit PUSH1');
  });

  test('the scanner is the listing assembled: it starts by pushing its own length (where the arguments begin)', () => {
    expect(BALANCE_SCAN.slice(0, 6)).toBe(`61${(BALANCE_SCAN.length / 2).toString(16).padStart(4, '0')}`);
  });
});

describe('calldata and answer', () => {
  test('the code, then the number of tokens, the tokens and the holders, 20 bytes each, any case', () => {
    const data = encodeBalanceScan([token, pair], [holders[0]!, holders[1]!.toLowerCase() as Address]);
    const args = data.slice(2 + BALANCE_SCAN.length);
    expect(data.startsWith(`0x${BALANCE_SCAN}`)).toBe(true);
    expect(args).toBe(['02', token, pair, holders[0], holders[1]].map((a) => a!.replace(/^0x/, '').toLowerCase()).join(''));
    expect(() => encodeBalanceScan([], holders)).toThrow('0 tokens');
    expect(() => encodeBalanceScan([token], ['0x1234'])).toThrow('not an address: 0x1234');
  });

  test('one word per balance; the all-ones word the scanner writes for a failed read is null', () => {
    const answer: Hex = `0x${word(12_500n * 10n ** 18n)}${'f'.repeat(64)}${word(0n)}`;
    expect(decodeBalanceScan(answer, 3)).toEqual([12_500n * 10n ** 18n, null, 0n]);
  });

  test('an answer that is not one word per balance throws', () => {
    expect(() => decodeBalanceScan(`0x${word(1n)}`, 2)).toThrow('32 bytes answered for 2 balances');
    expect(() => decodeBalanceScan('0x', 1)).toThrow('0 bytes answered for 1 balances');
    expect(() => decodeBalanceScan(`0x${'zz'.repeat(32)}`, 1)).toThrow('answered');
  });
});
