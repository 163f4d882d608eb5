import { expect, test, vi } from 'vitest';
import { getAddress, hashTypedData, keccak256, toHex, type TypedDataDefinition } from 'viem';
import { hashVote } from './hashVote';
import { allKnownVoteTypes, SNAPSHOT_DOMAIN, type VoteTypes } from './voteTypes';

// 432 messages through viem's hashTypedData (~0.5 ms each here) can pass 5 s on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const viem = (domain: Record<string, unknown>, types: VoteTypes, message: Record<string, unknown>) => {
  try {
    return hashTypedData({ domain, types, primaryType: 'Vote', message } as TypedDataDefinition<Record<string, unknown>, string>);
  } catch {
    return 'throws';
  }
};
const ours = (domain: Record<string, unknown>, types: VoteTypes, message: Record<string, unknown>) => {
  try {
    return hashVote(domain, types, message);
  } catch {
    return 'throws';
  }
};

const from = getAddress(keccak256(toHex('voter')).slice(0, 42));
const proposal = keccak256(toHex('proposal'));

function messageFor(types: VoteTypes, i: number): Record<string, unknown> {
  const m: Record<string, unknown> = {};
  for (const { name, type } of types.Vote) {
    if (name === 'from') m.from = i % 2 ? from : from.toLowerCase();
    else if (name === 'proposal')
      m.proposal = type === 'bytes32' ? proposal : i % 3 ? proposal : 'QmWbpCtwdLzxuLKnMW4Vv4MPFd2pdPX71YBKPasfZxqLUS';
    else if (name === 'timestamp') m.timestamp = 1_700_000_000 + i;
    else if (type === 'uint32') m.choice = i % 5;
    else if (type === 'uint32[]') m.choice = [1 + (i % 3), 2, 0xffff_ffff].slice(0, 1 + (i % 3));
    else if (name === 'choice') m.choice = JSON.stringify({ 1: i, 2: 1 });
    else m[name] = i % 4 ? `${name} ✓ ${i} «Ünïcode» 😀` : '';
  }
  return m;
}

test('every Snapshot vote type, with varied messages, hashes as viem hashes it', () => {
  let n = 0;
  for (const types of allKnownVoteTypes()) {
    for (let i = 0; i < 12; i++) {
      const message = messageFor(types, i);
      const expected = viem(SNAPSHOT_DOMAIN, types, message);
      expect(expected).not.toBe('throws');
      expect(ours(SNAPSHOT_DOMAIN, types, message)).toBe(expected);
      n++;
    }
  }
  expect(n).toBe(36 * 12);
});

test('what viem refuses or treats apart is refused or treated the same: a chainId, bad checksums, out-of-range numbers, short bytes32', () => {
  const [asString, asAddress] = [
    allKnownVoteTypes().find((t) => t.Vote[0]!.type === 'string')!,
    allKnownVoteTypes().find((t) => t.Vote[0]!.type === 'address' && t.Vote[3]!.type === 'bytes32')!,
  ];
  const base = messageFor(asAddress, 1);
  const cases: [Record<string, unknown>, VoteTypes, Record<string, unknown>][] = [
    [{ ...SNAPSHOT_DOMAIN, chainId: 1 }, asString, messageFor(asString, 1)],
    [SNAPSHOT_DOMAIN, asAddress, { ...base, from: from.slice(0, 10) + from.slice(10).toUpperCase() }],
    [SNAPSHOT_DOMAIN, asAddress, { ...base, from: from.toUpperCase().replace('0X', '0x') }],
    [SNAPSHOT_DOMAIN, asAddress, { ...base, from: 'alex.eth' }],
    [SNAPSHOT_DOMAIN, asAddress, { ...base, proposal: proposal.slice(0, 40) }],
    [SNAPSHOT_DOMAIN, asAddress, { ...base, proposal: 'QmWbpCtwdLzxuLKnMW4Vv4MPFd2pdPX71YBKPasfZxqLUS' }],
    [SNAPSHOT_DOMAIN, asAddress, { ...base, timestamp: -1 }],
    [SNAPSHOT_DOMAIN, asAddress, { ...base, choice: 2 ** 32 }],
    [SNAPSHOT_DOMAIN, asString, { ...messageFor(asString, 1), choice: 1.5 }],
  ];
  for (const [domain, types, message] of cases)
    expect(ours(domain, types, message), JSON.stringify(message)).toBe(viem(domain, types, message));
});
