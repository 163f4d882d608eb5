import { describe, expect, test } from 'vitest';
import { createHubClient, sequencerUrl } from './hubClient';
import { HubRefusedVoteError, HubResponseError, HubUnreachableError } from './errors';
import { hashTypedData } from 'viem';
import { buildVoteTypedData, viemTypedData, voteEnvelope, type VoteEnvelope } from './buildVoteTypedData';

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
const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

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
    expect(sent[0]).toMatchObject({
      url: 'http://hub.test/hub/graphql',
      method: 'POST',
      body: { variables: { space: 'alex.eth', state: 'active', first: 20, skip: 0 } },
    });
    expect((sent[0]!.body as { query: string }).query).toContain(
      'proposals(first: $first, skip: $skip, where: { space: $space, state: $state }',
    );
    expect(p).toMatchObject({
      id: '0xabc',
      snapshotBlock: 123n,
      type: 'single-choice',
      network: '31337',
      scores: [1.5, 2],
      scoresTotal: 3.5,
      space: 'alex.eth',
    });
  });

  test('an unknown voting type is kept but marked', async () => {
    const { fetch } = fakeFetch(() => json({ data: { proposal: { ...proposal, type: 'board-vote' } } }));
    expect(await createHubClient('http://hub.test', { fetch }).proposal('0xabc')).toMatchObject({ type: null, rawType: 'board-vote' });
  });

  test('votes page after page, 1,000 at a time, until a short page', async () => {
    const vote = (i: number) => ({ id: `v${i}`, voter: `0x${i.toString(16).padStart(40, '0')}`, created: i, choice: 1, vp: 1 });
    const { fetch, sent } = fakeFetch((s) => {
      const { created, skip, first } = (s.body as { variables: { created: number; skip: number; first: number } }).variables;
      return json({
        data: {
          votes: Array.from({ length: 1003 }, (_, i) => vote(i + 1))
            .filter((v) => v.created >= created)
            .slice(skip, skip + first),
        },
      });
    });
    const progress: number[] = [];
    const votes = await createHubClient('http://hub.test', { fetch }).allVotes('0xabc', (done) => progress.push(done));
    expect(votes).toHaveLength(1003);
    expect(progress).toEqual([1000, 1003]);
    expect(sent.map((s) => (s.body as { variables: unknown }).variables)).toEqual([
      { proposal: '0xabc', created: 0, first: 1000, skip: 0 },
      { proposal: '0xabc', created: 1000, first: 1000, skip: 1 }, // the vote at 1000 is already read
    ]);
  });

  test('votes page by `created`, never by a skip the hub refuses, ties at page borders included once', async () => {
    // A hub like snapshot-hub: ordered by created then id, `created_gte` honoured, `skip` above a
    // limit refused with a GraphQL error. Small pages and a small limit stand for 1,000 and 5,000.
    const created = [1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 4, 4, 5, 6, 7, 7, 8, 9, 9, 9];
    const stored = created.map((c, i) => ({
      id: `v${String(i).padStart(2, '0')}`,
      voter: `0x${(i + 1).toString(16).padStart(40, '0')}`,
      created: c,
      choice: 1,
      vp: 1,
    }));
    const MAX_SKIP = 8; // plain `skip` paging would need 20
    const { fetch, sent } = fakeFetch((s) => {
      const { variables } = s.body as { variables: { proposal: string; created?: number; first: number; skip: number } };
      if (variables.skip > MAX_SKIP)
        return json({ data: { votes: null }, errors: [{ message: `The \`skip\` argument must not be greater than ${MAX_SKIP}` }] });
      const after = stored.filter((v) => v.created >= (variables.created ?? 0));
      return json({ data: { votes: after.slice(variables.skip, variables.skip + variables.first) } });
    });
    const progress: number[] = [];
    const votes = await createHubClient('http://hub.test', { fetch, pageSize: 4 }).allVotes('0xabc', (done) => progress.push(done));
    expect(votes.map((v) => v.id)).toEqual(stored.map((v) => v.id));
    expect(Math.max(...sent.map((s) => (s.body as { variables: { skip: number } }).variables.skip))).toBeLessThanOrEqual(MAX_SKIP);
    expect((sent[0]!.body as { query: string }).query).toContain(
      'where: { proposal: $proposal, created_gte: $created }, orderBy: "created", orderDirection: asc',
    );
    expect(progress.at(-1)).toBe(created.length);
    // A smaller page asked per call (the tally's), never a larger one than the client's.
    sent.length = 0;
    const client = createHubClient('http://hub.test', { fetch, pageSize: 4 });
    expect((await client.allVotes('0xabc', undefined, { pageSize: 3 })).map((v) => v.id)).toEqual(stored.map((v) => v.id));
    expect(new Set(sent.map((s) => (s.body as { variables: { first: number } }).variables.first))).toEqual(new Set([3]));
    sent.length = 0;
    await client.allVotes('0xabc', undefined, { pageSize: 50 });
    expect(new Set(sent.map((s) => (s.body as { variables: { first: number } }).variables.first))).toEqual(new Set([4]));
  });

  test("a GraphQL error next to `data: { votes: null }` is the hub's own words, not an unreadable answer", async () => {
    const { fetch } = fakeFetch(() =>
      json({ data: { votes: null }, errors: [{ message: 'The `skip` argument must not be greater than 5000', path: ['votes'] }] }),
    );
    const failing = createHubClient('http://hub.test', { fetch }).votes({ proposal: '0xabc' });
    await expect(failing).rejects.toThrow('The vote hub answered with an error: The `skip` argument must not be greater than 5000.');
    await expect(failing).rejects.toBeInstanceOf(HubResponseError);
  });

  test('errors say what happened', async () => {
    const hubWith = (reply: () => Response | Promise<Response>, timeoutMs?: number) =>
      createHubClient('http://hub.test', { fetch: fakeFetch(reply).fetch, timeoutMs });
    await expect(hubWith(() => json({ errors: [{ message: 'Unknown argument "state"' }] })).proposal('x')).rejects.toThrow(
      'The vote hub answered with an error: Unknown argument "state"',
    );
    await expect(hubWith(() => json({ data: { proposal: { id: 1 } } })).proposal('x')).rejects.toThrow(HubResponseError);
    await expect(hubWith(() => new Response('x'.repeat(600 << 10))).proposal('x')).rejects.toThrow(
      'The vote hub sent more than 512 KB; it was not read',
    );
    const silent = hubWith(() => new Promise(() => {}), 100).proposal('x');
    await expect(silent).rejects.toThrow('The vote hub did not answer in 0.1 s');
    await expect(silent).rejects.toBeInstanceOf(HubUnreachableError);
    await expect(hubWith(() => Promise.reject(new TypeError('fetch failed'))).proposal('x')).rejects.toThrow(
      'Could not reach the vote hub at hub.test',
    );
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
    const failed = createHubClient('http://hub.test', { fetch: failing.fetch }).submitVote(envelope);
    await expect(failed).rejects.toThrow('The vote hub failed (HTTP 500: db down).');
    await expect(failed).rejects.toBeInstanceOf(HubResponseError);
  });

  test('the sequencer\'s "duplicate message" means it already has this very vote: its id, as a receipt', async () => {
    const typed = buildVoteTypedData({
      from: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      space: 'alex.eth',
      proposal: '0xabc',
      type: 'single-choice',
      choice: 2,
      timestamp: 1_700_000_000,
    });
    const signed = voteEnvelope(typed.message.from as `0x${string}`, '0x1234', typed);
    const { fetch } = fakeFetch(() => json({ error: 'client_error', error_description: 'duplicate message' }, 400));
    expect(await createHubClient('http://hub.test', { fetch }).submitVote(signed)).toEqual({
      id: hashTypedData(viemTypedData(typed)),
      ipfs: null,
    });
  });

  test('a busy sequencer (425) and its own failures sent as 400 ("pinning failed") are not refusals', async () => {
    const { fetch } = fakeFetch(() => json({ error: 'client_error', error_description: 'request already being processed' }, 425));
    const busy = createHubClient('http://hub.test', { fetch }).submitVote(envelope);
    await expect(busy).rejects.toBeInstanceOf(HubResponseError);
    await expect(busy).rejects.toThrow('The vote hub is busy (HTTP 425: request already being processed).');
    const pinning = fakeFetch(() => json({ error: 'client_error', error_description: 'pinning failed' }, 400));
    const failed = createHubClient('http://hub.test', { fetch: pinning.fetch }).submitVote(envelope);
    await expect(failed).rejects.toBeInstanceOf(HubResponseError);
    await expect(failed).rejects.toThrow('The vote hub could not take the vote just now (HTTP 400: pinning failed).');
  });
});
