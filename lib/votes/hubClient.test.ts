import { describe, expect, test } from 'vitest';
import { createHubClient, sequencerUrl } from './hubClient';
import { HubRefusedVoteError, HubResponseError, HubUnreachableError } from './errors';
import type { VoteEnvelope } from './buildVoteTypedData';

interface Sent {
  url: string;
  method: string;
  body: unknown;
}

/** A fetch that records what it is asked and answers with `reply`. */
function fakeFetch(reply: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const s = { url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined };
    sent.push(s);
    return reply(s);
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}
const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

const proposal = {
  id: '0xabc',
  title: 'What should Alex learn next?',
  body: 'Pick one.',
  choices: ['Piano', 'Spanish'],
  start: 1,
  end: 2,
  snapshot: '123',
  state: 'active',
  type: 'single-choice',
  network: '31337',
  scores: [1.5, 2],
  scores_total: 3.5,
  votes: 2,
  space: { id: 'alex.eth', name: 'Alex' },
  unknownNewField: true,
};

describe("reads with Snapshot's GraphQL", () => {
  test('proposals: the query, the variables, the parsed answer', async () => {
    const { fetch, sent } = fakeFetch(() => json({ data: { proposals: [proposal] } }));
    const hub = createHubClient('http://hub.test/hub/', { fetch });
    const [p] = await hub.proposals({ space: 'alex.eth', state: 'active' }, { first: 20 });
    expect(sent[0]).toMatchObject({ url: 'http://hub.test/hub/graphql', method: 'POST', body: { variables: { space: 'alex.eth', state: 'active', first: 20, skip: 0 } } });
    expect((sent[0]!.body as { query: string }).query).toContain('proposals(first: $first, skip: $skip, where: { space: $space, state: $state }');
    expect(p).toMatchObject({ id: '0xabc', snapshotBlock: 123n, type: 'single-choice', network: '31337', scores: [1.5, 2], scoresTotal: 3.5, space: 'alex.eth' });
  });

  test('an unknown voting type is kept but marked', async () => {
    const { fetch } = fakeFetch(() => json({ data: { proposal: { ...proposal, type: 'board-vote' } } }));
    expect(await createHubClient('http://hub.test', { fetch }).proposal('0xabc')).toMatchObject({ type: null, rawType: 'board-vote' });
  });

  test('votes page after page until a short page', async () => {
    const vote = (i: number) => ({ id: `v${i}`, voter: `0x${i.toString(16).padStart(40, '0')}`, created: i, choice: 1, vp: 1 });
    const { fetch, sent } = fakeFetch((s) => {
      const { skip } = (s.body as { variables: { skip: number } }).variables;
      return json({ data: { votes: Array.from({ length: skip === 0 ? 1000 : 3 }, (_, i) => vote(skip + i + 1)) } });
    });
    const progress: number[] = [];
    const votes = await createHubClient('http://hub.test', { fetch }).allVotes('0xabc', (done) => progress.push(done));
    expect(votes).toHaveLength(1003);
    expect(progress).toEqual([1000, 1003]);
    expect(sent.map((s) => (s.body as { variables: { skip: number } }).variables.skip)).toEqual([0, 1000]);
  });

  test('errors say what happened', async () => {
    const hubWith = (reply: () => Response | Promise<Response>, timeoutMs?: number) => createHubClient('http://hub.test', { fetch: fakeFetch(reply).fetch, timeoutMs });
    await expect(hubWith(() => json({ errors: [{ message: 'Unknown argument "state"' }] })).proposal('x')).rejects.toThrow('The vote hub answered with an error: Unknown argument "state"');
    await expect(hubWith(() => json({ data: { proposal: { id: 1 } } })).proposal('x')).rejects.toThrow(HubResponseError);
    await expect(hubWith(() => new Response('x'.repeat(600 << 10))).proposal('x')).rejects.toThrow('The vote hub sent more than 512 KB; it was not read');
    const silent = hubWith(() => new Promise(() => {}), 100).proposal('x');
    await expect(silent).rejects.toThrow('The vote hub did not answer in 0.1 s');
    await expect(silent).rejects.toBeInstanceOf(HubUnreachableError);
    await expect(hubWith(() => Promise.reject(new TypeError('fetch failed'))).proposal('x')).rejects.toThrow('Could not reach the vote hub at hub.test');
  });
});

describe('signed envelopes in bulk', () => {
  test('a hub without the endpoint: null, so the tally re-checks weights only', async () => {
    const { fetch } = fakeFetch(() => new Response('Not found', { status: 404 }));
    expect(await createHubClient('http://hub.test', { fetch }).allEnvelopes('0xabc')).toBeNull();
  });
  test('pages of envelopes', async () => {
    const { fetch, sent } = fakeFetch(() => json({ envelopes: [{ id: '0x1', address: '0x0', sig: '0x', data: {} }], total: 1 }));
    expect(await createHubClient('http://hub.test', { fetch }).allEnvelopes('0xabc')).toHaveLength(1);
    expect(sent[0]!.url).toBe('http://hub.test/api/votes/0xabc/envelopes?first=1000&skip=0');
  });
});

describe('posting a vote', () => {
  const envelope = { address: '0x0000000000000000000000000000000000000001', sig: '0x12', data: {} } as unknown as VoteEnvelope;

  test('to <hub>/api/msg, or to the sequencer for Snapshot itself', async () => {
    const { fetch, sent } = fakeFetch(() => json({ id: '0xreceipt', ipfs: 'bafy', relayer: { address: '0x', receipt: '0x' } }));
    expect(await createHubClient('http://hub.test/hub', { fetch }).submitVote(envelope)).toEqual({ id: '0xreceipt', ipfs: 'bafy' });
    expect(sent[0]).toEqual({ url: 'http://hub.test/hub/api/msg', method: 'POST', body: envelope });
    expect(sequencerUrl('https://hub.snapshot.org/')).toBe('https://seq.snapshot.org');
  });

  test("a refusal carries the hub's words; a failure says to try again", async () => {
    const refusing = fakeFetch(() => json({ error: 'client_error', error_description: 'no voting power' }, 400));
    const refused = createHubClient('http://hub.test', { fetch: refusing.fetch }).submitVote(envelope);
    await expect(refused).rejects.toThrow(new HubRefusedVoteError('no voting power'));
    await expect(refused).rejects.toThrow('The hub refused the vote: no voting power');
    const failing = fakeFetch(() => json({ error: 'server_error', error_description: 'db down' }, 500));
    await expect(createHubClient('http://hub.test', { fetch: failing.fetch }).submitVote(envelope)).rejects.toThrow('The vote hub failed (HTTP 500): db down. Try again later.');
  });
});
