import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import 'fake-indexeddb/auto';
import { checksumAddress, hashTypedData, keccak256, recoverTypedDataAddress, toHex, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildVoteTypedData, viemTypedData, voteEnvelope, type VoteEnvelope } from '../../lib/votes/core/buildVoteTypedData';
import { checkVoteEnvelope, type CheckedVote, type EnvelopeExpectation } from '../../lib/votes/core/checkEnvelope';
import { hashVote } from '../../lib/votes/core/hashVote';
import { checksumLowerHex, keccak256Bytes } from '../../lib/votes/core/keccak256';
import { voteEnvelopeSchema } from '../../lib/votes/core/hubSchemas';
import { tallyVotes, tallyVotesYielding } from '../../lib/votes/core/tallyVotes';
import { checkEnvelopes } from '../../lib/votes/core/verifyTally';
import { recognizeVoteTypes } from '../../lib/votes/core/voteTypes';
import { CompanionDatabase } from '../../lib/db/database';
import { loadSigners } from '../../lib/votes/signerCacheRepository';
import { REPO_ROOT } from '../e2e/harness/browser';
import { loadSecp256k1Node } from '../unit/secp256k1Node';

// `npx tsx test/bench/tallyProfile.ts [votes]`: where a verified tally's time goes, per vote, in
// one thread in Node, stage by stage (the lib/votes code the extension runs). The signed votes are
// made once (untimed, slow: JavaScript signing) and kept in .output/ for the next run.

const COUNT = Number(process.argv[2] ?? 10_000);
const SPACE = 'alex.eth';
const PROPOSAL = keccak256(toHex('alex.eth/bench-10k'));
const START = 1_700_000_000;

async function signedVotes(): Promise<VoteEnvelope[]> {
  const dir = join(REPO_ROOT, '.output');
  const file = join(dir, `tally-profile-${COUNT}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as VoteEnvelope[];
  console.log(`signing ${COUNT} votes (untimed, kept in ${file})…`);
  const out: VoteEnvelope[] = [];
  for (let i = 0; i < COUNT; i++) {
    const account = privateKeyToAccount(keccak256(toHex(`bench-voter-${i}`)));
    const typed = buildVoteTypedData({
      from: account.address,
      space: SPACE,
      proposal: PROPOSAL,
      type: 'single-choice',
      choice: 1 + (i % 4),
      timestamp: START + 1 + i,
    });
    out.push(voteEnvelope(account.address, await account.signTypedData(viemTypedData(typed)), typed));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(out));
  return out;
}

export const profile: Record<string, { wallMs: number; cpuUsPerVote: number }> = {};

/**
 * Wall time and this process's CPU time: on a shared machine other processes stretch the wall
 * time, while the CPU time is what the stage itself costs.
 */
async function time<T>(label: string, n: number, run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  const cpuUs = (used.user + used.system) / n;
  profile[label] = { wallMs: Math.round(ms), cpuUsPerVote: Number(cpuUs.toFixed(1)) };
  console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms wall  ${cpuUs.toFixed(1).padStart(7)} µs CPU/vote`);
  return { ms, value };
}

async function main(): Promise<void> {
  const envelopes = await signedVotes();
  const n = envelopes.length;
  const expected: EnvelopeExpectation = {
    space: SPACE,
    proposalId: PROPOSAL,
    type: 'single-choice',
    choicesCount: 4,
    start: START,
    end: START + n + 10,
  };
  const recover = await loadSecp256k1Node();
  console.log(
    `${n} votes, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );

  // Warm-up: JIT and the lazily built tables, so the figures are steady-state.
  for (const e of envelopes.slice(0, 200)) await checkVoteEnvelope(e, expected, undefined, recover);

  await time('zod envelope schema (voteEnvelopeSchema.safeParse)', n, () => envelopes.forEach((e) => voteEnvelopeSchema.parse(e)));
  await time('recognizeVoteTypes (JSON.stringify of the types)', n, () => envelopes.forEach((e) => recognizeVoteTypes(e.data.types)));
  const types = recognizeVoteTypes(envelopes[0]!.data.types)!.types;
  const hashes = (
    await time('EIP-712 hash, lib/votes hashVote', n, () =>
      envelopes.map((e) => hashVote(e.data.domain, types, e.data.message as unknown as Record<string, unknown>)),
    )
  ).value;
  const sample = envelopes.slice(0, Math.min(n, 1_000));
  await time(`EIP-712 hash, viem hashTypedData (${sample.length}, per vote)`, sample.length, () =>
    sample.forEach((e) => hashTypedData(viemTypedData({ ...e.data, primaryType: 'Vote' }))),
  );
  const signers = (
    await time('recover (WASM libsecp256k1 + keccak + checksum)', n, () => envelopes.map((e, i) => recover(hashes[i]!, e.sig)))
  ).value;
  const keys = envelopes.map((_, i) => keccak256(toHex(`pubkey-${i}`, { size: 64 }), 'bytes'));
  await time('  of which: keccak of a 64-byte public key (keccak256.ts)', n, () => keys.forEach((k) => keccak256Bytes(k)));
  await time('  same with viem keccak256 (@noble/hashes)', n, () => keys.forEach((k) => keccak256(k, 'bytes')));
  const lower = signers.map((s) => s.slice(2).toLowerCase());
  await time('  of which: EIP-55 checksum (keccak256.ts)', n, () => lower.forEach((a) => checksumLowerHex(a)));
  await time('  same with viem checksumAddress', n, () => lower.forEach((a) => checksumAddress(`0x${a}`)));
  await time('whole checkVoteEnvelope, no cache', n, async () => {
    for (const e of envelopes) await checkVoteEnvelope(e, expected, undefined, recover);
  });
  const checked = (
    await time('checkEnvelopes (slices of 20 ms, setTimeout 0)', n, () =>
      checkEnvelopes(envelopes, expected, undefined, undefined, recover),
    )
  ).value;
  const cache = new Map<string, Address>();
  await checkEnvelopes(envelopes, expected, undefined, cache, recover);
  await time('checkEnvelopes, every signer cached', n, () => checkEnvelopes(envelopes, expected, undefined, cache, recover));

  const db = new CompanionDatabase(`tally-profile-${Date.now()}`);
  const stored = await loadSigners(db, PROPOSAL);
  for (const [k, v] of cache) stored.cache.set(k, v);
  await time('signer cache: save in rows of 1,000 (Dexie, fake-indexeddb)', n, () => stored.save());
  await time('signer cache: read back (Dexie, fake-indexeddb)', n, () => loadSigners(db, PROPOSAL));
  await db.delete();

  const powers = new Map(
    checked
      .filter((c): c is Extract<CheckedVote, { ok: true }> => c.ok)
      .map((c, i) => [c.voter.toLowerCase(), { total: BigInt(i + 1) * 10n ** 18n, wallet: 0n, liquidity: 0n }]),
  );
  const hubVotes = checked.map((c, i) => ({
    id: c.id!,
    ipfs: null,
    voter: c.voter,
    created: START + 1 + i,
    choice: 1 + (i % 4),
    reason: '',
    app: '',
    vp: null,
    proposal: PROPOSAL,
  }));
  const countInput = {
    proposal: { choices: ['a', 'b', 'c', 'd'], scores: null, snapshotBlock: 1n, type: 'single-choice' as const },
    hubVotes: hubVotes as never,
    checked,
    powers: powers as never,
    decimals: 18,
  };
  await time('the count (tallyVotes)', n, () => tallyVotes(countInput));
  await time('the count in 10 ms slices (tallyVotesYielding)', n, () => tallyVotesYielding(countInput));

  // The recovered signers are viem's, vote by vote (a sample: viem's JavaScript recovery is slow).
  for (const e of sample.slice(0, 100)) {
    const viem = await recoverTypedDataAddress({ ...viemTypedData({ ...e.data, primaryType: 'Vote' }), signature: e.sig });
    if (viem !== checked[envelopes.indexOf(e)]!.voter) throw new Error(`signer differs from viem's for ${e.address}`);
  }
  if (checked.some((c) => !c.ok)) throw new Error('a vote did not verify');
  console.log('\nall votes verified; signers equal viem recoverTypedDataAddress on a sample of 100');
}

void main();
