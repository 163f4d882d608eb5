import type { IncomingMessage, ServerResponse } from 'node:http';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { DEVNET_CHAINS } from '../../../lib/chain/devnet';
import { MAX_SKIP, PAGE_SIZE } from '../../../lib/votes/core/hubClient';
import { readVotingPower, votingPowerSource, type VotingPowerSource } from '../../../lib/votes/core/votingPower';
import { GraphqlError, parseRootField, type GraphqlValue } from './graphql';
import { acceptVote } from './sequencer';
import { HubStore } from './store';

// A Snapshot-compatible hub for one space, mounted under a path of the creator's site:
//   POST <base>/graphql                            proposals, proposal, votes, vp (Snapshot's names)
//   POST <base>/api/msg                            a signed vote, checked like Snapshot's sequencer
//   GET  <base>/api/votes/<proposal>/envelopes     the signed envelopes in bulk (lib/votes/hubClient.ts)
//   POST <base>/test/msg-failure                   test hook: `{ status, count }` makes the next
//                                                  `count` votes fail with HTTP `status`; `{}` heals
// CORS is open, like Snapshot's hub: the extension's background reads it without host permissions.

export interface DemoHubOptions {
  basePath: string;
  space: string;
  chainId: number;
  token: Address;
  symbol: string;
  countLiquidity: boolean;
  decimals?: number;
  now?: () => number;
}

export interface DemoHub {
  readonly basePath: string;
  readonly space: string;
  readonly store: HubStore;
  readonly chainId: number;
  readonly powerSource: VotingPowerSource;
  /** When false the bulk envelope endpoint answers 404, like a hub that keeps them on IPFS only. */
  serveEnvelopes: boolean;
  /** Test hook: while set, posts to /api/msg fail with `status` (`remaining` times; Infinity: until cleared). */
  msgFailure: { status: number; remaining: number } | null;
  /** Every post to /api/msg, oldest first: the signature it carried and the status it got. */
  readonly msgPosts: { sig: string | null; status: number }[];
  /** Voting power is read from this RPC from now on (the devnet may start after the site). */
  connect(rpcUrl: string): void;
  powerOf(voter: Address, block: bigint): Promise<bigint>;
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const MAX_BODY = 1 << 20;
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Accept',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

export function createDemoHub(opts: DemoHubOptions): DemoHub {
  const chain = DEVNET_CHAINS.find((c) => c.chainId === opts.chainId);
  if (!chain) throw new Error(`The demo hub needs a devnet chain, not ${opts.chainId}`);
  const store = new HubStore(opts.decimals ?? 18, opts.now);
  const powerSource = votingPowerSource(chain, opts.token, opts.countLiquidity);
  let client: PublicClient | null = null;

  const hub: DemoHub = {
    basePath: opts.basePath,
    space: opts.space,
    store,
    chainId: opts.chainId,
    powerSource,
    serveEnvelopes: true,
    msgFailure: null,
    msgPosts: [],
    connect(rpcUrl) {
      client = createPublicClient({ transport: http(rpcUrl, { batch: true }) });
    },
    async powerOf(voter, block) {
      if (!client) throw new Error('the hub is not connected to a chain yet');
      const reading = await readVotingPower(client, powerSource, [voter], block);
      const power = reading.powers.get(voter.toLowerCase());
      if (!power) throw new Error(`could not read the balance of ${voter}`);
      return power.total;
    },
    handles: (pathname) => pathname === opts.basePath || pathname.startsWith(`${opts.basePath}/`),
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://hub.local');
      const path = url.pathname.slice(opts.basePath.length);
      const reply = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res
          .writeHead(status, {
            ...CORS,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(text),
            'Cache-Control': 'no-store',
          })
          .end(text);
      };
      if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
      try {
        if (req.method === 'POST' && path === '/graphql') {
          const body = (await readJson(req)) as { query?: unknown; variables?: unknown } | null;
          if (typeof body?.query !== 'string') return reply(400, { errors: [{ message: 'Must provide query string.' }] });
          try {
            const answer = await answerQuery(store, hub, body.query, (body.variables ?? {}) as Record<string, unknown>);
            // A refusing resolver leaves `data` in place (express-graphql answers 200); a query
            // that cannot run at all has only errors (400).
            return reply('data' in answer ? 200 : 400, answer);
          } catch (error) {
            if (error instanceof BadRequest || error instanceof GraphqlError) return reply(400, { errors: [{ message: error.message }] });
            throw error;
          }
        }
        if (req.method === 'POST' && path === '/api/msg') {
          const input = await readJson(req);
          const sig = typeof (input as { sig?: unknown } | null)?.sig === 'string' ? (input as { sig: string }).sig : null;
          const failure = hub.msgFailure;
          if (failure && failure.remaining > 0) {
            failure.remaining -= 1;
            if (failure.remaining <= 0) hub.msgFailure = null;
            hub.msgPosts.push({ sig, status: failure.status });
            return reply(failure.status, {
              error: failure.status < 500 ? 'client_error' : 'server_error',
              error_description: 'the demo hub was told to fail',
            });
          }
          const answer = await acceptVote(input, { store, space: opts.space, powerOf: hub.powerOf });
          hub.msgPosts.push({ sig, status: answer.status });
          return reply(answer.status, answer.body);
        }
        if (req.method === 'POST' && path === '/test/msg-failure') {
          const { status, count } = ((await readJson(req)) ?? {}) as { status?: unknown; count?: unknown };
          const valid = typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599;
          hub.msgFailure = valid ? { status, remaining: typeof count === 'number' && count > 0 ? count : Infinity } : null;
          return reply(200, {
            msgFailure: hub.msgFailure && { status: hub.msgFailure.status, remaining: String(hub.msgFailure.remaining) },
          });
        }
        const envelopes = /^\/api\/votes\/([^/]+)\/envelopes$/.exec(path);
        if (req.method === 'GET' && envelopes && hub.serveEnvelopes) {
          const proposal = store.getProposal(decodeURIComponent(envelopes[1]!));
          if (!proposal) return reply(404, { error: 'not_found', error_description: 'unknown proposal' });
          // Our own endpoint (lib/votes/hubClient.ts) pages by skip without Snapshot's ceiling.
          const { first, skip } = pageArgs(
            { first: Number(url.searchParams.get('first') ?? PAGE_SIZE), skip: Number(url.searchParams.get('skip') ?? 0) },
            Infinity,
          );
          const votes = store.votesOf(proposal.id);
          const page = votes.slice(skip, skip + first).map((v) => ({ id: v.id, ipfs: v.ipfs, ...(v.envelope as object) }));
          return reply(200, { envelopes: page, total: votes.length });
        }
        return reply(404, { error: 'not_found', error_description: `no ${req.method} ${path} on this hub` });
      } catch (error) {
        if (error instanceof BadRequest) return reply(400, { error: 'client_error', error_description: error.message });
        return reply(500, { error: 'server_error', error_description: (error as Error).message });
      }
    },
  };
  return hub;
}

class BadRequest extends Error {}

type GraphqlAnswer = { data: Record<string, unknown>; errors?: { message: string; path: string[] }[] } | { errors: { message: string }[] };

async function answerQuery(store: HubStore, hub: DemoHub, query: string, variables: Record<string, unknown>): Promise<GraphqlAnswer> {
  const root = parseRootField(query, variables);
  try {
    return await resolve(store, hub, root);
  } catch (error) {
    // What snapshot-hub's resolvers do with a refusal (checkLimits throws): null data and the message.
    if (error instanceof BadRequest) return { data: { [root.key]: null }, errors: [{ message: error.message, path: [root.key] }] };
    throw error;
  }
}

async function resolve(store: HubStore, hub: DemoHub, root: ReturnType<typeof parseRootField>): Promise<GraphqlAnswer> {
  const where = (root.args.where ?? {}) as Record<string, GraphqlValue>;
  const { first, skip } = pageArgs(root.args);
  const desc = root.args.orderDirection === 'desc';
  switch (root.name) {
    case 'proposals':
      return {
        data: {
          [root.key]: store
            .listProposals(where)
            .slice(skip, skip + first)
            .map((p) => store.proposalJson(p)),
        },
      };
    case 'proposal': {
      const p = typeof root.args.id === 'string' ? store.getProposal(root.args.id) : undefined;
      return { data: { [root.key]: p ? store.proposalJson(p) : null } };
    }
    case 'votes': {
      if (typeof where.proposal !== 'string') return { errors: [{ message: 'votes: where.proposal is required on this hub' }] };
      let votes = store.votesOf(where.proposal);
      if (typeof where.voter === 'string') votes = votes.filter((v) => v.voter.toLowerCase() === (where.voter as string).toLowerCase());
      // snapshot-hub's number filters; like it, a 0 (falsy) filter is no filter.
      const at = (key: string) => (typeof where[key] === 'number' && where[key] ? (where[key] as number) : null);
      const [gt, gte, lt, lte] = [at('created_gt'), at('created_gte'), at('created_lt'), at('created_lte')];
      votes = votes.filter(
        (v) =>
          (gt === null || v.created > gt) &&
          (gte === null || v.created >= gte) &&
          (lt === null || v.created < lt) &&
          (lte === null || v.created <= lte),
      );
      if (desc) votes = votes.reverse();
      return { data: { [root.key]: votes.slice(skip, skip + first).map((v) => store.voteJson(v)) } };
    }
    case 'vp': {
      // Snapshot's vp(voter, space, proposal): the token (and pool) at the snapshot block, plus
      // what the proposal's other strategies give; one figure per strategy.
      const p = typeof root.args.proposal === 'string' ? store.getProposal(root.args.proposal) : undefined;
      if (!p || typeof root.args.voter !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(root.args.voter))
        return { errors: [{ message: 'vp: voter and proposal are required on this hub' }] };
      const token = await hub.powerOf(root.args.voter as Address, p.snapshot);
      const bonus = store.strategyBonus(p);
      const byStrategy = bonus > 0n ? [store.tokensOf(token), store.tokensOf(bonus)] : [store.tokensOf(token)];
      return { data: { [root.key]: { vp: store.tokensOf(token + bonus), vp_by_strategy: byStrategy, vp_state: 'final' } } };
    }
    default:
      return { errors: [{ message: `Cannot query field "${root.name}" on type "Query".` }] };
  }
}

/** Snapshot's defaults and ceilings: 20 per page unless asked, at most 1,000, skipping at most 5,000. */
function pageArgs(args: { first?: unknown; skip?: unknown }, maxSkip = MAX_SKIP): { first: number; skip: number } {
  const first = typeof args.first === 'number' && Number.isFinite(args.first) ? Math.trunc(args.first) : 20;
  const skip = typeof args.skip === 'number' && Number.isFinite(args.skip) ? Math.trunc(args.skip) : 0;
  if (first < 0 || first > PAGE_SIZE) throw new BadRequest(`The \`first\` argument must not be greater than ${PAGE_SIZE}`);
  if (skip > maxSkip) throw new BadRequest(`The \`skip\` argument must not be greater than ${maxSkip}`);
  if (skip < 0) throw new BadRequest('The `skip` argument must be positive');
  return { first, skip };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BadRequest('request body is not JSON');
  }
}
