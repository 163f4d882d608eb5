import { beforeAll, describe, expect, test, vi } from 'vitest';
import { keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildVoteTypedData, viemTypedData, voteEnvelope } from '@/lib/votes/core/buildVoteTypedData';
import type { SignerCache } from '@/lib/votes/core/checkEnvelope';
import type { SignerRecoverer } from '@/lib/votes/core/secp256k1Wasm';
import { checkEnvelopes } from '@/lib/votes/core/verifyTally';
import { checkBatch } from '@/lib/votes/offscreen/checkBatch';
import { SignerIndex } from '@/lib/votes/tallyBatches';
import { checkedBatchSchema, checkBatchSchema, type CheckBatch } from '@/lib/votes/tallyWorkersContract';
import { loadSecp256k1Node } from '../../../test/unit/secp256k1Node';
import { checkOnWorkers, tallyChecker, type WorkerPool } from './tallyWorkers';
import { singleChoiceExpectation } from '../core/testExpectation';

// The service worker's side of the tally workers against a pool that does in this thread what each
// offscreen worker does (checkBatch), through the same message schemas: the verdicts must be the
// one-thread path's, in order, with the signer cache filled the same way.

vi.mock('./loadSecp256k1', () => ({ loadSecp256k1: () => loadSecp256k1Node() }));

const expected = singleChoiceExpectation('proposal');
const PROPOSAL = expected.proposalId;
const voters = Array.from({ length: 12 }, (_, i) => privateKeyToAccount(keccak256(toHex(`voter ${i}`))));
let envelopes: unknown[];
let recover: SignerRecoverer;

beforeAll(async () => {
  recover = await loadSecp256k1Node();
  const signed = await Promise.all(
    voters.map(async (voter, i) => {
      const typed = buildVoteTypedData({
        from: voter.address,
        space: 'alex.eth',
        proposal: PROPOSAL,
        type: 'single-choice',
        choice: 1 + (i % 3),
        timestamp: 1_500,
      });
      // Voter 5's vote signed by voter 6: a forgery the workers must flag as the one thread does.
      return voteEnvelope(voter.address, await (i === 5 ? voters[6]! : voter).signTypedData(viemTypedData(typed)), typed);
    }),
  );
  // Each vote twice (the second time from the cache), and one that is not an envelope at all.
  envelopes = [...signed, ...signed, { address: voters[0]!.address, sig: '0x00' }];
});

/** A pool of `threads` stand-in workers, each answering in its own turn of the event loop. */
function pool(threads: number, log: CheckBatch[] = []): WorkerPool {
  let batch = 0;
  return {
    threads,
    async check(job) {
      const message = checkBatchSchema.parse({ type: 'check', batch: batch++, ...job });
      log.push(message);
      await new Promise((resolve) => setTimeout(resolve, (message.batch * 7) % 5)); // out of order
      return checkedBatchSchema.parse(await checkBatch(message, message.batch % threads, recover));
    },
    close() {},
  };
}

describe('checking on workers', () => {
  test('the verdicts of the one-thread path, in the envelopes’ order, and the cache filled the same', async () => {
    const alone: SignerCache = new Map();
    const oneThread = await checkEnvelopes(envelopes, expected, undefined, alone, recover);
    const cache: SignerCache = new Map();
    const progress: number[] = [];
    const log: CheckBatch[] = [];
    const checked = await checkOnWorkers(pool(2, log), new SignerIndex(cache), envelopes, expected, (done) => progress.push(done));
    expect(checked).toEqual(oneThread);
    expect(oneThread.filter((c) => !c.ok)).toHaveLength(3); // two forgeries and the non-envelope
    expect(cache).toEqual(alone);
    expect(log.length).toBe(1); // 25 envelopes: one batch (MIN_BATCH)
    expect(progress).toEqual([envelopes.length]);
  });

  test('a second call sends the signers already recovered and learns nothing twice', async () => {
    const cache: SignerCache = new Map();
    const index = new SignerIndex(cache);
    await checkOnWorkers(pool(2), index, envelopes.slice(0, 12), expected);
    expect(cache.size).toBe(12);
    const log: CheckBatch[] = [];
    const again = await checkOnWorkers(pool(2, log), index, envelopes.slice(12), expected);
    expect(log[0]!.known).toHaveLength(12);
    expect(again.filter((c) => c.ok)).toHaveLength(11);
    expect(cache.size).toBe(12);
  });

  test('large tallies go in batches of at most 250, spread over the workers, with progress per batch', async () => {
    const many = Array.from({ length: 1_000 }, (_, i) => envelopes[i % 24]);
    const log: CheckBatch[] = [];
    const progress: number[] = [];
    const checked = await checkOnWorkers(pool(2, log), new SignerIndex(new Map()), many, expected, (done) => progress.push(done));
    expect(log.map((m) => m.envelopes.length)).toEqual([125, 125, 125, 125, 125, 125, 125, 125]);
    expect(checked.map((c) => c.voter)).toEqual(many.map((e) => (e as { address: string }).address));
    expect(progress.at(-1)).toBe(1_000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test('a worker that answers for fewer envelopes than it was sent fails the call', async () => {
    const short: WorkerPool = { ...pool(1), check: async (job) => ({ ...(await pool(1).check(job)), checked: [] }) };
    await expect(checkOnWorkers(short, new SignerIndex(new Map()), envelopes, expected)).rejects.toThrow(/checked 0 of 25/);
  });
});

test('without offscreen documents (Firefox, the unit tests’ browser) a tally checks on this thread: same verdicts, same cache', async () => {
  const cache: SignerCache = new Map();
  const checker = tallyChecker(cache);
  const checked = await checker.check(envelopes, expected);
  checker.release();
  const alone: SignerCache = new Map();
  expect(checked).toEqual(await checkEnvelopes(envelopes, expected, undefined, alone, recover));
  expect(cache).toEqual(alone);
});
