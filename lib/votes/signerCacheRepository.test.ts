import { afterEach, beforeAll, expect, test } from 'vitest';
import { keccak256, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { loadSecp256k1Node } from '../../test/unit/secp256k1Node';
import { CompanionDatabase } from '../db/database';
import { buildVoteTypedData, viemTypedData, voteEnvelope } from './core/buildVoteTypedData';
import type { SignerRecoverer } from './core/secp256k1Wasm';
import { checkEnvelopes } from './core/verifyTally';
import { loadSigners, type StoredSigners } from './signerCacheRepository';
import { singleChoiceExpectation } from './core/testExpectation';

const expected = singleChoiceExpectation('cached-proposal');
const PROPOSAL = expected.proposalId;
let recover: SignerRecoverer;
const opened: CompanionDatabase[] = [];

beforeAll(async () => {
  recover = await loadSecp256k1Node();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function vote(i: number) {
  const account = privateKeyToAccount(keccak256(toHex(`cached-voter-${i}`)));
  const typed = buildVoteTypedData({
    from: account.address,
    space: 'alex.eth',
    proposal: PROPOSAL,
    type: 'single-choice',
    choice: 1 + (i % 3),
    timestamp: 1_000 + i,
  });
  return voteEnvelope(account.address, await account.signTypedData(viemTypedData(typed)), typed);
}

/** One tally's signature checks as tallyProposal runs them: signers loaded, checked, saved. */
async function recheck(db: CompanionDatabase, envelopes: unknown[]) {
  let recovered = 0;
  const counting = (hash: Hex, signature: Hex): Address => (recovered++, recover(hash, signature));
  const signers = await loadSigners(db, PROPOSAL);
  const checked = await checkEnvelopes(envelopes, expected, undefined, signers.cache, counting);
  const saved = await signers.save();
  return { recovered, saved, verified: checked.filter((c) => c.ok).length };
}

test('a second tally of the same votes recovers none; with one new vote, one; from a fresh database connection', async () => {
  const name = `signers-${Date.now()}`;
  const envelopes = await Promise.all(Array.from({ length: 12 }, (_, i) => vote(i)));
  const first = new CompanionDatabase(name);
  opened.push(first);
  expect(await recheck(first, envelopes)).toEqual({ recovered: 12, saved: 12, verified: 12 });
  first.close();

  const again = new CompanionDatabase(name); // as after a service-worker restart
  opened.push(again);
  expect(await recheck(again, envelopes)).toEqual({ recovered: 0, saved: 0, verified: 12 });
  expect(await recheck(again, [...envelopes, await vote(12)])).toEqual({ recovered: 1, saved: 1, verified: 13 });
  // Another proposal's tally does not load these.
  expect(await loadSigners(again, keccak256(toHex('another'))).then((s) => s.cache.size)).toBe(0);
});

test('past the bound, the oldest rows are dropped first', async () => {
  const db = new CompanionDatabase(`signers-bound-${Date.now()}`);
  opened.push(db);
  const bound = 50;
  await db.voteSignerBatches.bulkAdd(
    Array.from({ length: bound }, (_, i) => ({ proposalId: 'old', keys: [`k${i}`], signers: ['0x0' as Address], seenAt: i })),
  );
  const signers = await loadSigners(db, PROPOSAL, bound);
  signers.cache.set('new-1', '0x1').set('new-2', '0x2');
  expect(await signers.save({ at: bound + 1 })).toBe(2);
  expect(await db.voteSignerBatches.count()).toBe(bound);
  const keys = (await db.voteSignerBatches.toArray()).map((r) => r.keys);
  expect(keys).not.toContainEqual(['k0']);
  expect(keys).toContainEqual(['k1']);
  expect(await db.voteSignerBatches.where('proposalId').equals(PROPOSAL).toArray()).toEqual([
    expect.objectContaining({ keys: ['new-1', 'new-2'], signers: ['0x1', '0x2'], seenAt: bound + 1 }),
  ]);
});

test('rows hold at most a thousand signers, and a later save fills the last row before starting another', async () => {
  const db = new CompanionDatabase(`signers-rows-${Date.now()}`);
  opened.push(db);
  const add = (signers: StoredSigners, from: number, count: number) => {
    for (let i = from; i < from + count; i++) signers.cache.set(`key-${i}`, `0x${i.toString(16)}`);
  };
  const first = await loadSigners(db, PROPOSAL);
  add(first, 0, 1_500);
  expect(await first.save()).toBe(1_500);
  add(first, 1_500, 600);
  expect(await first.save()).toBe(600);
  const sizes = async () => (await db.voteSignerBatches.orderBy('id').toArray()).map((r) => r.keys.length);
  expect(await sizes()).toEqual([1_000, 1_000, 100]);
  // As after a restart: the next tally reads them all back and tops up the last row.
  const again = await loadSigners(db, PROPOSAL);
  expect(again.cache.size).toBe(2_100);
  expect(again.cache.get('key-2099')).toBe('0x833');
  add(again, 2_100, 5);
  expect(await again.save()).toBe(5);
  expect(await sizes()).toEqual([1_000, 1_000, 105]);
});

test('saved as the tally goes: each call writes only what is new since the last, and the last one trims', async () => {
  const db = new CompanionDatabase(`signers-steps-${Date.now()}`);
  opened.push(db);
  const bound = 1;
  await db.voteSignerBatches.add({ proposalId: 'old', keys: ['old'], signers: ['0x0'], seenAt: 0 });
  const signers = await loadSigners(db, PROPOSAL, bound);
  signers.cache.set('a', '0x1').set('b', '0x2');
  const first = signers.save({ at: 1, trim: false });
  signers.cache.set('c', '0x3');
  // Called while the first is pending: it runs after it, finds nothing new (the first wrote 'c'
  // too: it reads the cache when it runs), and trims what the first wrote.
  const second = signers.save({ at: 2 });
  expect([await first, await second]).toEqual([3, 0]);
  expect((await db.voteSignerBatches.toArray()).map((r) => r.keys)).toEqual([['a', 'b', 'c']]); // 'old' dropped by the trim of the last call
  expect(await signers.save()).toBe(0);
});
