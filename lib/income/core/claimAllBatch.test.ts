import { decodeFunctionData, encodeAbiParameters, encodeErrorResult, encodeFunctionResult, getAddress, parseAbi, type Hex } from 'viem';
import { expect, test } from 'vitest';
import { buildClaimsFile } from '../../../test/devnet/claimsTree';
import { merkleDistributorAbi } from './abis';
import { buildClaimAllCall, decodeClaimAllResult, multicall3WriteAbi, revertReason, totalsByToken, type BatchRound } from './claimAllBatch';
import { parseClaimsFile } from './claimsFile';
import { findClaim } from './findClaim';
import { assertClaimProof } from './verifyClaimProof';

const holder = getAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const MULTICALL = getAddress('0xcA11bde05977b3631167028862bE2a173976CA11');
const ALEX = getAddress('0x5fc8d32690cc91d4c39d9d3abcbd16989f875707');
const PRTNR = getAddress('0x0165878a594ca255338adfa4d48449f69242eb8f');

function round(id: string, distributor: string, token: string, amount: bigint): BatchRound {
  const file = buildClaimsFile({ [holder]: amount, [getAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc')]: 7n });
  const claim = assertClaimProof(findClaim(parseClaimsFile(JSON.stringify(file)), holder)!, file.merkleRoot as Hex);
  return { tokenId: 'eip155:31337/erc20:x', roundId: id, title: id, distributor: getAddress(distributor), token: getAddress(token), claim };
}

const rounds = [
  round('q1', '0x' + '11'.repeat(20), ALEX, 1_250n * 10n ** 18n),
  round('partner', '0x' + '22'.repeat(20), PRTNR, 500n * 10n ** 18n),
  round('q2', '0x' + '33'.repeat(20), ALEX.toLowerCase(), 1_500n * 10n ** 18n),
];

test('one aggregate3 call to Multicall3, each claim allowed to fail alone, paying the holder', () => {
  const call = buildClaimAllCall(MULTICALL, rounds);
  expect(call.to).toBe(MULTICALL);
  const { functionName, args } = decodeFunctionData({ abi: multicall3WriteAbi, data: call.data });
  expect(functionName).toBe('aggregate3');
  const calls = args[0];
  expect(calls.map((c) => [c.target, c.allowFailure])).toEqual(rounds.map((r) => [r.distributor, true]));
  for (const [i, c] of calls.entries()) {
    const claim = decodeFunctionData({ abi: merkleDistributorAbi, data: c.callData });
    expect(claim.functionName).toBe('claim');
    expect(claim.args?.[1]).toBe(holder);
    expect(claim.args?.[2]).toBe(rounds[i]!.claim.amount);
  }
});

test('totals per paid token, whatever the address case', () => {
  expect(totalsByToken(rounds)).toEqual([
    { token: ALEX, amount: 2_750n * 10n ** 18n },
    { token: PRTNR, amount: 500n * 10n ** 18n },
  ]);
});

test('each round’s simulated outcome, with the distributor’s reason for a failure', () => {
  const alreadyClaimed = encodeErrorResult({
    abi: parseAbi(['error Error(string)']),
    errorName: 'Error',
    args: ['MerkleDistributor: Drop already claimed.'],
  });
  const result = encodeFunctionResult({
    abi: multicall3WriteAbi,
    functionName: 'aggregate3',
    result: [
      { success: true, returnData: '0x' },
      { success: false, returnData: alreadyClaimed },
      { success: false, returnData: '0x' },
    ],
  });
  expect(decodeClaimAllResult(result, 3)).toEqual([
    { ok: true },
    { ok: false, reason: 'MerkleDistributor: Drop already claimed.' },
    { ok: false, reason: 'the call reverted without a reason' },
  ]);
  expect(() => decodeClaimAllResult(result, 2)).toThrow('aggregate3 returned 3 results for 2 calls');
  expect(revertReason(encodeAbiParameters([{ type: 'uint256' }], [1n]))).toBe('the call reverted with an unknown error');
});
