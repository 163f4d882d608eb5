import { describe, expect, test } from 'vitest';
import { keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildVoteTypedData, viemTypedData, voteEnvelope, type BuildVoteParameters } from './buildVoteTypedData';
import { checkVoteEnvelope, type EnvelopeExpectation, type SignerCache } from './checkEnvelope';
import type { VoteType } from './voteTypes';
import { singleChoiceExpectation } from './testExpectation';

const voter = privateKeyToAccount(keccak256(toHex('voter')));
const other = privateKeyToAccount(keccak256(toHex('someone else')));
const expected = singleChoiceExpectation('proposal');
const PROPOSAL = expected.proposalId;

async function signed(overrides: Partial<BuildVoteParameters> = {}, signer = voter) {
  const typed = buildVoteTypedData({
    from: voter.address,
    space: 'alex.eth',
    proposal: PROPOSAL,
    type: 'single-choice',
    choice: 2,
    timestamp: 1_500,
    ...overrides,
  });
  return voteEnvelope(voter.address, await signer.signTypedData(viemTypedData(typed)), typed);
}

test('a good vote: the signer, the choice as signed, and the id (the EIP-712 hash)', async () => {
  const result = await checkVoteEnvelope(await signed(), expected);
  expect(result).toMatchObject({ ok: true, voter: voter.address, choice: 2, timestamp: 1_500 });
  expect(result.id).toMatch(/^0x[0-9a-f]{64}$/);
});

describe('each kind of bad vote, with its reason', () => {
  const reasonOf = async (envelope: unknown, exp: EnvelopeExpectation = expected) => {
    const r = await checkVoteEnvelope(envelope, exp);
    return r.ok ? 'ok' : r.reason;
  };
  const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

  test('signed by another key', async () => {
    expect(await reasonOf(await signed({}, other))).toBe(`signed by ${short(other.address)}, not by the voter`);
  });
  test('envelope and message name different voters', async () => {
    const e = await signed();
    expect(await reasonOf({ ...e, address: other.address })).toBe('the message names another voter than the envelope');
  });
  test('another space, another proposal', async () => {
    expect(await reasonOf(await signed({ space: 'mike.eth' }))).toBe('a vote in another space (mike.eth)');
    expect(await reasonOf(await signed({ proposal: keccak256(toHex('other')) }))).toBe('a vote on another proposal');
  });
  test('outside the voting window', async () => {
    expect(await reasonOf(await signed({ timestamp: 999 }))).toBe('cast before the vote opened');
    expect(await reasonOf(await signed({ timestamp: 2_001 }))).toBe('cast after the vote closed');
  });
  test('invalid choices', async () => {
    expect(await reasonOf(await signed({ choice: 4 }))).toBe('not a valid choice for this single-choice proposal');
    expect(await reasonOf(await signed({ type: 'approval', choice: [1] }))).toBe('not a valid choice for this single-choice proposal');
    const ranked = { ...expected, type: 'ranked-choice' as VoteType };
    expect(await reasonOf(await signed({ type: 'ranked-choice', choice: [1, 2] }), ranked)).toBe(
      'not a valid choice for this ranked-choice proposal',
    );
    expect(await reasonOf(await signed({ type: 'ranked-choice', choice: [1, 1, 2] }), ranked)).toBe(
      'not a valid choice for this ranked-choice proposal',
    );
    const weighted = { ...expected, type: 'weighted' as VoteType };
    expect(await reasonOf(await signed({ type: 'weighted', choice: { '1': 0 } }), weighted)).toBe(
      'not a valid choice for this weighted proposal',
    );
    expect(await reasonOf(await signed({ type: 'weighted', choice: { '4': 1 } }), weighted)).toBe(
      'not a valid choice for this weighted proposal',
    );
    expect(await reasonOf(await signed({ type: 'weighted', choice: { '1': 1, '3': 2 } }), weighted)).toBe('ok');
  });
  test('types or domain that are not Snapshot vote types', async () => {
    const e = await signed();
    const withDomainType = { ...e, data: { ...e.data, types: { EIP712Domain: [{ name: 'name', type: 'string' }], ...e.data.types } } };
    expect(await reasonOf(withDomainType)).toBe('signed with message types Snapshot does not accept');
    expect(await reasonOf({ ...e, data: { ...e.data, domain: { name: 'snapshot', version: '0.1.3' } } })).toBe(
      "not signed for Snapshot's vote domain",
    );
    expect(await reasonOf({ ...e, data: { ...e.data, message: { ...e.data.message, extra: 1 } } })).toBe(
      'the message does not match its types',
    );
    expect(await reasonOf({ ...e, data: { ...e.data, message: { ...e.data.message, timestamp: '1500' } } })).toBe(
      'the message does not match its types',
    );
    expect(await reasonOf({ address: 'nope' })).toBe('not a Snapshot vote envelope');
    expect(await reasonOf({ ...e, sig: '0x1234' })).toBe('the signature is malformed');
  });
});

test('older clients: `from` as an address and `proposal` as bytes32 still verify', async () => {
  const types = {
    Vote: [
      { name: 'from', type: 'address' },
      { name: 'space', type: 'string' },
      { name: 'timestamp', type: 'uint64' },
      { name: 'proposal', type: 'bytes32' },
      { name: 'choice', type: 'uint32' },
      { name: 'reason', type: 'string' },
      { name: 'app', type: 'string' },
    ],
  };
  const message = { from: voter.address, space: 'alex.eth', timestamp: 1_500, proposal: PROPOSAL, choice: 1, reason: '', app: '' };
  const domain = { name: 'snapshot', version: '0.1.4' };
  const sig = await voter.signTypedData({ domain, types, primaryType: 'Vote', message });
  expect(await checkVoteEnvelope({ address: voter.address, sig, data: { domain, types, message } }, expected)).toMatchObject({
    ok: true,
    choice: 1,
  });
});

test('a signer cache answers for the same message and signature only', async () => {
  const signers: SignerCache = new Map();
  const good = await signed();
  const first = await checkVoteEnvelope(good, expected, signers);
  expect(signers.size).toBe(1);
  expect(await checkVoteEnvelope(good, expected, signers)).toEqual(first);
  // The same signature on another message is another key: recovered again, and found out.
  const other = { ...good, data: { ...good.data, message: { ...good.data.message, choice: 3 } } };
  expect(await checkVoteEnvelope(other, expected, signers)).toMatchObject({ ok: false, reason: expect.stringMatching(/^signed by 0x/) });
  expect(signers.size).toBe(2);
});
