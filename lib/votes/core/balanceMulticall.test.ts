import { describe, expect, test } from 'vitest';
import {
  decodeFunctionResult,
  encodeAbiParameters,
  encodeFunctionData,
  encodeFunctionResult,
  getAddress,
  keccak256,
  multicall3Abi,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { erc20Abi } from '../../chain/abis';
import { decodeBalanceResults, encodeBalanceCalls } from './balanceMulticall';

const token = getAddress('0x5fbdb2315678afecb367f032d93f642f64180aa3');
const pair = getAddress('0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0');
const holders = Array.from({ length: 40 }, (_, i) => getAddress(keccak256(toHex(`holder ${i}`)).slice(0, 42)));

describe('aggregate3 of balanceOf by hand', () => {
  test("the calldata is viem's encodeFunctionData, byte for byte, whatever the address case", () => {
    const calls = holders.flatMap((holder, i) => [
      { token, holder: i % 2 ? holder : (holder.toLowerCase() as Address) },
      { token: pair, holder },
    ]);
    const viem = encodeFunctionData({
      abi: multicall3Abi,
      functionName: 'aggregate3',
      args: [
        calls.map((c) => ({
          target: c.token,
          allowFailure: true,
          callData: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [c.holder] }),
        })),
      ],
    });
    expect(encodeBalanceCalls(calls)).toBe(viem);
    expect(encodeBalanceCalls([])).toBe(encodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3', args: [[]] }));
    expect(() => encodeBalanceCalls([{ token, holder: '0x1234' }])).toThrow('not an address');
  });

  test("the results are viem's decodeFunctionResult, with failures, empty and short answers as null", () => {
    const word = (n: bigint) => encodeAbiParameters([{ type: 'uint256' }], [n]);
    const results: { success: boolean; returnData: Hex }[] = [
      { success: true, returnData: word(12_500n * 10n ** 18n) },
      { success: false, returnData: word(7n) }, // reverted: whatever it returned is no balance
      { success: true, returnData: '0x' }, // no contract there
      { success: true, returnData: '0x1234' }, // too short for a uint256
      { success: true, returnData: `${word(2n ** 256n - 1n)}${'ab'.repeat(32)}` }, // longer: the first word
      { success: true, returnData: word(0n) },
    ];
    const data = encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: results });
    const viem = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data });
    expect(viem).toHaveLength(results.length);
    expect(decodeBalanceResults(data, results.length)).toEqual([12_500n * 10n ** 18n, null, null, null, 2n ** 256n - 1n, 0n]);
  });

  test('an answer that is not an aggregate3 result for that many calls throws', () => {
    const data = encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: [{ success: true, returnData: '0x' }] });
    expect(() => decodeBalanceResults(data, 2)).toThrow('1 results for 2 calls');
    expect(() => decodeBalanceResults('0x', 1)).toThrow('out of bounds');
    expect(() => decodeBalanceResults(data.slice(0, -64) as Hex, 1)).toThrow('out of bounds');
  });
});
