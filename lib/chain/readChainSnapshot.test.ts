import type { PublicClient } from 'viem';
import { expect, test } from 'vitest';
import { erc20Abi } from './abis';
import type { ContractRead, ReadOutcome } from './readPlan';
import { MAX_READS_PER_CALL, multicallChunked } from './readChainSnapshot';

const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';
const token = (i: number): ContractRead => ({
  address: `0x${(i + 1).toString(16).padStart(40, '0')}`,
  abi: erc20Abi,
  functionName: 'decimals',
});

/** A client whose multicall answers each read with its token's index, and the block `blockFor` picks per call. */
function fakeClient(blockFor: (call: number, pinned: bigint | undefined) => bigint) {
  const calls: { size: number; blockNumber: bigint | undefined }[] = [];
  const multicall = async (args: { contracts: readonly ContractRead[]; blockNumber?: bigint }): Promise<ReadOutcome[]> => {
    const call = calls.push({ size: args.contracts.length, blockNumber: args.blockNumber }) - 1;
    const block = blockFor(call, args.blockNumber);
    return args.contracts.map((c, i) =>
      i === 0 ? { status: 'success', result: block } : { status: 'success', result: `${Number(BigInt(c.address)) - 1}@${block}` },
    );
  };
  return { client: { multicall } as unknown as PublicClient, calls };
}

test('1,200 reads: three calls of at most 500 reads, each led by getBlockNumber, outcomes in order', async () => {
  const reads = Array.from({ length: 1_200 }, (_, i) => token(i));
  const { client, calls } = fakeClient(() => 7n);
  const { blockNumber, outcomes } = await multicallChunked(client, MULTICALL3, reads);
  expect(calls.map((c) => c.size)).toEqual([500, 500, 203]);
  expect(calls.every((c) => c.size <= MAX_READS_PER_CALL && c.blockNumber === undefined)).toBe(true);
  expect(blockNumber).toBe(7n);
  expect(outcomes.map((o) => (o.status === 'success' ? o.result : null))).toEqual(reads.map((_, i) => `${i}@7`));
});

test('answers from different blocks (a load-balanced endpoint): all calls again, pinned to the lowest block', async () => {
  const reads = Array.from({ length: 1_000 }, (_, i) => token(i));
  const { client, calls } = fakeClient((call, pinned) => pinned ?? (call === 1 ? 11n : 10n));
  const { blockNumber, outcomes } = await multicallChunked(client, MULTICALL3, reads);
  expect(calls.slice(0, 3).map((c) => c.blockNumber)).toEqual([undefined, undefined, undefined]);
  expect(calls.slice(3).map((c) => c.blockNumber)).toEqual([10n, 10n, 10n]);
  expect(blockNumber).toBe(10n);
  expect(outcomes.every((o) => o.status === 'success' && String(o.result).endsWith('@10'))).toBe(true);
});

test('no reads at all still asks the block; a Multicall3 that does not answer is an error', async () => {
  const { client, calls } = fakeClient(() => 3n);
  expect((await multicallChunked(client, MULTICALL3, [])).blockNumber).toBe(3n);
  expect(calls).toHaveLength(1);
  const broken = {
    multicall: async () => [{ status: 'failure', error: new Error('execution reverted') }],
  } as unknown as PublicClient;
  await expect(multicallChunked(broken, MULTICALL3, [])).rejects.toThrow(/did not answer/);
});
