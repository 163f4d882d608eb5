import { beforeAll, expect, test, vi } from 'vitest';
import { hashTypedData, keccak256, numberToHex, recoverAddress, recoverTypedDataAddress, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { voterAccount } from '../../../test/demo-server/hub/voters';
import { FORGER_KEY, HABIT_VOTERS, habitChoiceOf, SEEDED } from '../../../test/demo-server/hub/seed';
import { loadSecp256k1Node } from '../../../test/unit/secp256k1Node';
import { buildVoteTypedData, viemTypedData } from './buildVoteTypedData';
import { hashVote } from './hashVote';
import type { SignerRecoverer } from './secp256k1Wasm';

// Signing and recovering 301 votes in JavaScript (viem, the reference) takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

let recover: SignerRecoverer;
beforeAll(async () => {
  recover = await loadSecp256k1Node();
});

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const word = (n: bigint) => numberToHex(n, { size: 32 }).slice(2);

/** The seeded closed proposal's votes (voters 0–299) and the forged one (voter 300's name, another key). */
async function seededVotes() {
  const votes: { typed: ReturnType<typeof viemTypedData>; sig: Hex; voter: Address }[] = [];
  for (let i = 0; i <= HABIT_VOTERS; i++) {
    const voter = voterAccount(i).address;
    const signer = i === HABIT_VOTERS ? privateKeyToAccount(FORGER_KEY) : voterAccount(i);
    const typed = viemTypedData(
      buildVoteTypedData({
        from: voter,
        space: 'alex.eth',
        proposal: SEEDED.habit.id,
        type: 'single-choice',
        choice: habitChoiceOf(i),
        timestamp: 1_700_000_000 + i,
      }),
    );
    votes.push({ typed, sig: await signer.signTypedData(typed), voter });
  }
  return votes;
}

/** viem's answer and ours, as the address or the fact that it threw. */
async function both(hash: Hex, signature: Hex): Promise<[string, string]> {
  const viem = await recoverAddress({ hash, signature }).catch(() => 'throws');
  let ours: string;
  try {
    ours = recover(hash, signature);
  } catch {
    ours = 'throws';
  }
  return [ours, viem];
}

test('every vote of the seeded tally recovers to the address viem recovers, the forged one included', async () => {
  const votes = await seededVotes();
  for (const { typed, sig } of votes) {
    expect(recover(hashTypedData(typed), sig)).toBe(await recoverTypedDataAddress({ ...typed, signature: sig }));
  }
  expect(recover(hashTypedData(votes[0]!.typed), votes[0]!.sig)).toBe(votes[0]!.voter);
  const forged = votes[HABIT_VOTERS]!;
  expect(recover(hashTypedData(forged.typed), forged.sig)).toBe(privateKeyToAccount(FORGER_KEY).address);
});

test('the tally path (hashVote, then WASM recovery, then keccak256.ts address and checksum) names the signer viem names, every seeded vote', async () => {
  const votes = await seededVotes();
  for (const { typed, sig } of votes) {
    const id = hashVote({ ...typed.domain }, { Vote: [...typed.types.Vote!] }, { ...typed.message });
    expect(id).toBe(hashTypedData(typed));
    expect(recover(id, sig)).toBe(await recoverTypedDataAddress({ ...typed, signature: sig }));
  }
});

test('v as 27/28 or 0/1, high s, r or s out of range, wrong lengths and v: the same answer or refusal as viem', async () => {
  const votes = (await seededVotes()).slice(0, 40);
  let refused = 0;
  for (const { typed, sig } of votes) {
    const hash = hashTypedData(typed);
    const r = BigInt(sig.slice(0, 66));
    const s = BigInt(`0x${sig.slice(66, 130)}`);
    const v = parseInt(sig.slice(130), 16);
    const flipped = v === 27 ? 28 : 27;
    const variants: Hex[] = [
      sig,
      `${sig.slice(0, 130)}${(v - 27).toString(16).padStart(2, '0')}` as Hex, // yParity form
      `0x${word(r)}${word(N - s)}${flipped.toString(16)}` as Hex, // the high-s twin: viem accepts it
      `0x${word(r)}${word(s)}1d` as Hex, // v = 29
      `0x${word(r)}${word(s)}02` as Hex,
      `0x${word(0n)}${word(s)}1b` as Hex,
      `0x${word(r)}${word(0n)}1b` as Hex,
      `0x${word(r)}${word(N)}1b` as Hex,
      `0x${word(N + 1n)}${word(s)}1b` as Hex,
      `0x${word(5n)}${word(s)}1b` as Hex, // an r that is no point's x on the curve
      sig.slice(0, 130) as Hex, // 64 bytes
      `${sig}00` as Hex, // 66 bytes
      `${sig.slice(0, 130)}1` as Hex, // odd length, 65 bytes by viem's count
      '0x' as Hex,
    ];
    for (const signature of variants) {
      const [ours, viem] = await both(hash, signature);
      expect(ours, signature).toBe(viem);
      if (viem === 'throws') refused++;
    }
  }
  expect(refused).toBeGreaterThan(votes.length * 5); // the refusals were exercised, not only the happy path
});

test('a hash reduced modulo n and random keys: same addresses as viem', async () => {
  for (let i = 0; i < 100; i++) {
    const account = privateKeyToAccount(keccak256(toHex(`secp-wasm-${i}`)));
    const hash = i === 0 ? (`0x${'ff'.repeat(32)}` as Hex) : keccak256(toHex(`message ${i}`));
    const signature = await account.sign({ hash });
    expect(recover(hash, signature)).toBe(account.address);
  }
});
