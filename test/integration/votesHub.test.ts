import { afterAll, beforeAll, expect, test } from 'vitest';
import { getAddress, keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { DEVNET_A } from '@/lib/chain/devnet';
import { buildVoteTypedData, viemTypedData, voteEnvelope } from '@/lib/votes/core/buildVoteTypedData';
import { createHubClient } from '@/lib/votes/core/hubClient';
import { startDemoServer, type DemoServer } from '../demo-server/server';

// The demo hub's HTTP surface without a chain: GraphQL as other Snapshot clients write it
// (literal arguments, aliases, space_in), its limits and errors, CORS, and what it says when it
// cannot read voting power.

let demo: DemoServer;
let base: string;
const ID = keccak256(toHex('alex.eth/hub-test'));

beforeAll(async () => {
  demo = await startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 });
  base = `${demo.origins.alex}/hub`;
  const now = Math.floor(Date.now() / 1000);
  demo.hub.store.addProposal({
    id: ID,
    space: 'alex.eth',
    type: 'approval',
    title: 'Which habits?',
    body: '',
    choices: ['Run', 'Read', 'Write'],
    start: now - 60,
    end: now + 3_600,
    snapshot: 1n,
    author: DEVNET_A.deployer,
    created: now - 60,
    network: String(DEVNET_A.chainId),
    symbol: 'ALEX',
    strategies: [],
  });
});
afterAll(() => demo?.stop());

const graphql = async (query: string, variables?: unknown) => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] } };
};

test('queries written the way other Snapshot clients write them', async () => {
  const literal = await graphql(`
    query {
      items: proposals(first: 5, skip: 0, where: { space_in: ["alex.eth"], state: "active" }, orderBy: "created", orderDirection: desc) {
        id
        title
        state
      }
    }
  `);
  expect(literal).toMatchObject({
    status: 200,
    body: { data: { items: [{ id: ID, title: 'Which habits?', state: 'active', type: 'approval', snapshot: '1' }] } },
  });
  const none = await graphql('query Proposals($space: String!) { proposals(where: { space: $space, state: "closed" }) { id } }', {
    space: 'alex.eth',
  });
  expect(none.body).toEqual({ data: { proposals: [] } });
  expect((await graphql(`{ proposal(id: "${ID}") { id } }`)).body.data?.proposal).toMatchObject({
    id: ID,
    choices: ['Run', 'Read', 'Write'],
  });
});

test("Snapshot's limits and GraphQL errors", async () => {
  // A refusing resolver, as snapshot-hub (express-graphql) sends it: HTTP 200, null data, the message.
  expect(await graphql('{ proposals(first: 1001) { id } }')).toEqual({
    status: 200,
    body: { data: { proposals: null }, errors: [{ message: 'The `first` argument must not be greater than 1000', path: ['proposals'] }] },
  });
  expect(await graphql(`{ votes(skip: 5001, where: { proposal: "${ID}" }) { id } }`)).toEqual({
    status: 200,
    body: { data: { votes: null }, errors: [{ message: 'The `skip` argument must not be greater than 5000', path: ['votes'] }] },
  });
  expect((await graphql('{ spaces { id } }')).body.errors).toEqual([{ message: 'Cannot query field "spaces" on type "Query".' }]);
  expect((await graphql('mutation { vote }')).body.errors).toEqual([{ message: 'Only queries are supported, not "mutation"' }]);
  expect((await graphql('{ proposals(where: { space: "alex.eth" ) { id } }')).status).toBe(400);
});

test('open CORS, like Snapshot: the extension reads it without host permissions', async () => {
  const res = await fetch(`${base}/graphql`, {
    method: 'OPTIONS',
    headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST' },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
});

test('without the bulk endpoint the client gets null; without a chain a vote fails as a hub failure', async () => {
  const hub = createHubClient(base);
  expect(await hub.allEnvelopes(ID)).toEqual([]);
  demo.hub.serveEnvelopes = false;
  expect(await hub.allEnvelopes(ID)).toBeNull();
  demo.hub.serveEnvelopes = true;

  const voter = privateKeyToAccount(keccak256(toHex('hub-test-voter')));
  const typed = buildVoteTypedData({
    from: voter.address,
    space: 'alex.eth',
    proposal: ID,
    type: 'approval',
    choice: [1, 3],
    timestamp: Math.floor(Date.now() / 1000),
  });
  const envelope = voteEnvelope(voter.address, await voter.signTypedData(viemTypedData(typed)), typed);
  await expect(hub.submitVote(envelope)).rejects.toThrow(
    'The vote hub failed (HTTP 500: failed to check voting power: the hub is not connected to a chain yet).',
  );
});

test('6,500 votes read in full through a hub that refuses skip above 5,000, ties at page borders once each', async () => {
  const id = keccak256(toHex('alex.eth/hub-test-many'));
  const now = Math.floor(Date.now() / 1000);
  demo.hub.store.addProposal({
    id,
    space: 'alex.eth',
    type: 'single-choice',
    title: 'Many voters',
    body: '',
    choices: ['Yes', 'No'],
    start: now - 86_400,
    end: now - 60,
    snapshot: 1n,
    author: DEVNET_A.deployer,
    created: now - 86_400,
    network: String(DEVNET_A.chainId),
    symbol: 'ALEX',
    strategies: [],
  });
  // Three votes a second: every 1,000-vote page ends inside a second.
  const count = 6_500;
  for (let i = 0; i < count; i++) {
    const voter = getAddress(`0x${keccak256(toHex(`many-${i}`)).slice(26)}`);
    demo.hub.store.putVote({
      id: keccak256(toHex(`many-vote-${i}`)),
      ipfs: '',
      voter,
      proposal: id,
      created: now - 80_000 + Math.floor(i / 3),
      choice: 1 + (i % 2),
      reason: '',
      app: '',
      power: 1n,
      envelope: null,
    });
  }
  const hub = createHubClient(base);
  const votes = await hub.allVotes(id);
  expect(votes).toHaveLength(count);
  expect(new Set(votes.map((v) => v.id)).size).toBe(count);
  expect(votes.map((v) => v.id)).toEqual(demo.hub.store.votesOf(id).map((v) => v.id));
  // What paging by skip alone ran into.
  await expect(hub.votes({ proposal: id }, { skip: 6_000 })).rejects.toThrow(
    'The vote hub answered with an error: The `skip` argument must not be greater than 5000. Try again later.',
  );
});

test('the test hook makes the next votes fail with HTTP 500, then heals', async () => {
  const hook = (body: unknown) =>
    fetch(`${base}/test/msg-failure`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(await (await hook({ status: 500, count: 2 })).json()).toEqual({ msgFailure: { status: 500, remaining: '2' } });
  const post = () =>
    fetch(`${base}/api/msg`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sig: '0x01' }) });
  expect((await post()).status).toBe(500);
  expect(await (await post()).json()).toEqual({ error: 'server_error', error_description: 'the demo hub was told to fail' });
  expect((await post()).status).toBe(400); // healed: the sequencer's own checks again ("wrong envelope format")
  await hook({ status: 503 });
  expect((await post()).status).toBe(503);
  await hook({});
  expect(demo.hub.msgFailure).toBeNull();
  expect(demo.hub.msgPosts.slice(-4)).toEqual([
    { sig: '0x01', status: 500 },
    { sig: '0x01', status: 500 },
    { sig: '0x01', status: 400 },
    { sig: '0x01', status: 503 },
  ]);
});
