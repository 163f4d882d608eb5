import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Wallet } from '@ethersproject/wallet';
import snapshot from '@snapshot-labs/snapshot.js';
import { hashTypedData } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildVoteTypedData, eip712RequestJson, viemTypedData, voteEnvelope, type BuildVoteParameters } from './buildVoteTypedData';
import { InvalidVoteError } from './errors';
import { allKnownVoteTypes, type VoteType } from './voteTypes';

// The reference is snapshot.js itself: its Client signs (with an ethers Wallet, not viem) and
// POSTs to a local server standing in for the sequencer; what it posts must equal our envelope.

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d' as const; // anvil account 1
const account = privateKeyToAccount(KEY);
const PROPOSAL = '0x6f4c1c3e1f5b7d8a9e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';
const require = createRequire(import.meta.url);
const hashedTypes = JSON.parse(
  readFileSync(require.resolve('@snapshot-labs/snapshot.js/package.json').replace(/package\.json$/, 'src/sign/hashedTypes.json'), 'utf8'),
) as Record<string, string>;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const votes: { type: VoteType; choice: BuildVoteParameters['choice']; kind: string }[] = [
  { type: 'single-choice', choice: 2, kind: 'vote' },
  { type: 'basic', choice: 1, kind: 'vote' },
  { type: 'approval', choice: [1, 3], kind: 'vote-array' },
  { type: 'ranked-choice', choice: [3, 1, 2], kind: 'vote-array' },
  { type: 'copeland', choice: [2, 3, 1], kind: 'vote-array' },
  { type: 'weighted', choice: { '1': 2, '3': 1 }, kind: 'vote-string' },
  { type: 'quadratic', choice: { '2': 5 }, kind: 'vote-string' },
];

const params = (type: VoteType, choice: BuildVoteParameters['choice']): BuildVoteParameters => ({
  from: account.address,
  space: 'alex.eth',
  proposal: PROPOSAL,
  type,
  choice,
  reason: 'Because.',
  timestamp: 1_700_000_000,
  app: 'companion',
});

describe('typed data per voting type', () => {
  test.each(votes)('$type signs Snapshot $kind types', ({ type, choice, kind }) => {
    const typed = buildVoteTypedData(params(type, choice));
    expect(typed.domain).toEqual({ name: 'snapshot', version: '0.1.4' });
    expect(hashedTypes[sha256(JSON.stringify(typed.types))]).toBe(kind);
    expect(typed.message).toEqual({
      from: account.address,
      space: 'alex.eth',
      timestamp: 1_700_000_000,
      proposal: PROPOSAL,
      choice: kind === 'vote-string' ? JSON.stringify(choice) : choice,
      reason: 'Because.',
      app: 'companion',
      metadata: '{}',
    });
  });

  test('the accepted Vote types are exactly the vote entries of snapshot.js hashedTypes.json', () => {
    const ours = allKnownVoteTypes()
      .map((t) => sha256(JSON.stringify(t)))
      .sort();
    const theirs = Object.entries(hashedTypes)
      .filter(([, kind]) => kind.startsWith('vote'))
      .map(([hash]) => hash)
      .sort();
    expect(ours).toEqual(theirs);
  });

  test('a vote Snapshot could not accept is refused before signing', () => {
    const bad: [VoteType, unknown][] = [
      ['single-choice', [1]],
      ['approval', 1],
      ['weighted', [1]],
      ['single-choice', 1.5],
      ['single-choice', -1],
    ];
    for (const [type, choice] of bad) expect(() => buildVoteTypedData(params(type, choice as number))).toThrow(InvalidVoteError);
    expect(() => buildVoteTypedData({ ...params('single-choice', 1), reason: 'x'.repeat(5001) })).toThrow('longer than 5000');
    expect(() => buildVoteTypedData({ ...params('single-choice', 1), metadata: '[]' })).toThrow('JSON object');
    expect(() => buildVoteTypedData({ ...params('single-choice', 1), type: 'board' as VoteType })).toThrow('Unknown voting type "board"');
  });
});

test("eth_signTypedData_v4's JSON: the same message, with the domain type spelled out", () => {
  const typed = buildVoteTypedData(params('approval', [2]));
  const request = JSON.parse(eip712RequestJson(typed)) as { types: Record<string, unknown>; primaryType: string };
  expect(request.types.EIP712Domain).toEqual([
    { name: 'name', type: 'string' },
    { name: 'version', type: 'string' },
  ]);
  expect(request.primaryType).toBe('Vote');
  expect(hashTypedData(request as never)).toBe(hashTypedData(viemTypedData(typed)));
});

describe("the envelope equals what snapshot.js's client posts", () => {
  const posted: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      posted.push(JSON.parse(body));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: '0x01' }));
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test.each(votes)('$type', async ({ type, choice }) => {
    const typed = buildVoteTypedData(params(type, choice));
    const ours = voteEnvelope(account.address, await account.signTypedData(viemTypedData(typed)), typed);
    posted.length = 0;
    const client = new snapshot.Client712(url);
    const message = { space: 'alex.eth', proposal: PROPOSAL, type, choice, reason: 'Because.', app: 'companion', timestamp: 1_700_000_000 };
    if (type === 'copeland') {
      // snapshot.js's client predates copeland and would sign its ranking as a uint32; the
      // envelope is compared through the ranked-choice path, which signs the same array type.
      message.type = 'ranked-choice';
    }
    await client.vote(new Wallet(KEY), account.address, message as never);
    expect(posted).toEqual([ours]);
    expect(await snapshot.utils.verify(ours.address, ours.sig, ours.data as never)).toBe(true);
  });
});
