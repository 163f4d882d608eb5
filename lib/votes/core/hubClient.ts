import { hashTypedData } from 'viem';
import type { z } from 'zod';
import { viemTypedData, type VoteEnvelope, type VoteTypedData } from './buildVoteTypedData';
import { HubRefusedVoteError, HubResponseError } from './errors';
import { hubRequest, type HubHttpOptions } from './hubHttp';
import { PROPOSAL_QUERY, proposalsQuery, votesQuery, VOTES_FROM_QUERY } from './hubQueries';
import {
  envelopePageSchema,
  graphqlErrorsSchema,
  graphqlResponseSchema,
  hubProposalSchema,
  hubVoteSchema,
  msgErrorSchema,
  msgReceiptSchema,
  type HubProposal,
  type HubVote,
  type ProposalState,
} from './hubSchemas';

// A client for a Snapshot-compatible hub: reads through its GraphQL API (`POST <hub>/graphql`),
// votes the way snapshot.js's client does (JSON envelope POSTed to the sequencer, which is
// `<hub>/api/msg` except for Snapshot's own hubs, whose sequencer lives on its own host).
//
// Signed envelopes in bulk (optional, our extension of the API): Snapshot keeps each signed vote
// on IPFS; re-checking 10,000 signatures one IPFS fetch at a time is not practical, so a hub
// may serve them in pages:
//   GET <hub>/api/votes/<proposal id>/envelopes?first=<1..1000>&skip=<n>
//   200 { "envelopes": [{ "id", "ipfs", "address", "sig", "data": { domain, types, message } }], "total": n }
// oldest first, only each voter's counted (latest) vote. A 404 means the hub does not offer it;
// the tally then re-checks weights only and says so.

export const PAGE_SIZE = 1_000; // Snapshot's own maximum for `first`
/** snapshot-hub refuses a larger `skip` ("The `skip` argument must not be greater than 5000"). */
export const MAX_SKIP = 5_000;
const MAX_VOTES = 200_000;
const CAPS = { proposals: 2 << 20, proposal: 512 << 10, votes: 4 << 20, envelopes: 8 << 20, msg: 64 << 10 } as const;

const SNAPSHOT_SEQUENCERS: Record<string, string> = {
  'https://hub.snapshot.org': 'https://seq.snapshot.org',
  'https://testnet.hub.snapshot.org': 'https://testnet.seq.snapshot.org',
};

export interface Page {
  first?: number;
  skip?: number;
}

export type Progress = (done: number, total: number | null) => void;

export interface HubClientOptions extends HubHttpOptions {
  /** Votes per page when reading them all: PAGE_SIZE unless smaller (tests use small pages). */
  pageSize?: number;
}

export interface HubClient {
  readonly hub: string;
  proposals(where: { space: string; state?: ProposalState }, page?: Page): Promise<HubProposal[]>;
  proposal(id: string): Promise<HubProposal | null>;
  votes(where: { proposal: string; voter?: string }, page?: Page): Promise<HubVote[]>;
  /**
   * Every vote, page after page (by `created`, see VOTES_FROM_QUERY), each once. `pageSize` (at
   * most the client's) keeps each page's parsing short on a thread that must stay responsive.
   */
  allVotes(proposal: string, onProgress?: Progress, options?: { pageSize?: number }): Promise<HubVote[]>;
  /** One page of signed envelopes, or null when the hub does not serve them. */
  envelopes(proposal: string, page?: Page): Promise<{ envelopes: unknown[]; total: number | null } | null>;
  allEnvelopes(proposal: string, onProgress?: Progress): Promise<unknown[] | null>;
  /**
   * Every signed envelope, handed to `onPage` a page at a time as each arrives (the next request
   * goes out as soon as `onPage` returns), so the caller can check a page while the next is on its
   * way. Resolves false when the hub does not serve envelopes (nothing was handed over).
   */
  eachEnvelopePage(
    proposal: string,
    onPage: (envelopes: unknown[], total: number | null) => void,
    options?: { pageSize?: number },
  ): Promise<boolean>;
  /**
   * Posts a signed vote; resolves with the hub's receipt id (also when the hub already has this
   * very vote), throws HubRefusedVoteError when it says no, another VotesError when it failed.
   */
  submitVote(envelope: VoteEnvelope): Promise<{ id: string; ipfs: string | null }>;
}

export function sequencerUrl(hub: string): string {
  const base = hub.replace(/\/+$/, '');
  return SNAPSHOT_SEQUENCERS[base] ?? `${base}/api/msg`;
}

export function createHubClient(hub: string, options: HubClientOptions = {}): HubClient {
  const base = hub.replace(/\/+$/, '');
  const votesPage = Math.min(Math.max(Math.trunc(options.pageSize ?? PAGE_SIZE), 1), PAGE_SIZE);
  const pageOf = (page: Page = {}) => ({
    first: Math.min(Math.max(page.first ?? PAGE_SIZE, 1), PAGE_SIZE),
    skip: Math.max(page.skip ?? 0, 0),
  });

  async function graphql<T extends z.ZodType>(
    field: string,
    schema: T,
    query: string,
    variables: Record<string, unknown>,
    maxBytes: number,
  ): Promise<z.output<T>> {
    const answer = await hubRequest(`${base}/graphql`, { method: 'POST', body: { query, variables }, maxBytes }, options);
    const refused = graphqlErrorsSchema.safeParse(answer.json);
    if (refused.success)
      throw new HubResponseError(`The vote hub answered with an error: ${sentence(refused.data.errors[0]!.message)} Try again later.`, {
        details: `${base}/graphql ${field}`,
      });
    const parsed = graphqlResponseSchema(field, schema).safeParse(answer.json);
    if (!answer.ok) throw new HubResponseError(`The vote hub answered HTTP ${answer.status}`, { details: `${base}/graphql ${field}` });
    const data = parsed.success ? parsed.data.data : null;
    if (!parsed.success || !data || !(field in data)) {
      const issue = parsed.success ? 'no data' : describe(parsed.error);
      throw new HubResponseError('The vote hub sent an answer this companion cannot read', {
        details: `${base}/graphql ${field}: ${issue}`,
      });
    }
    return data[field] as z.output<T>;
  }

  const client: HubClient = {
    hub: base,
    proposals: ({ space, state }, page) =>
      graphql(
        'proposals',
        hubProposalSchema.array().max(PAGE_SIZE),
        proposalsQuery(state !== undefined),
        { space, state, ...pageOf(page) },
        CAPS.proposals,
      ),
    proposal: (id) => graphql('proposal', hubProposalSchema.nullable(), PROPOSAL_QUERY, { id }, CAPS.proposal),
    votes: ({ proposal, voter }, page) =>
      graphql(
        'votes',
        hubVoteSchema.array().max(PAGE_SIZE),
        votesQuery(voter !== undefined),
        { proposal, voter, ...pageOf(page) },
        CAPS.votes,
      ),
    async allVotes(proposal, onProgress, { pageSize } = {}) {
      const first = Math.min(Math.max(Math.trunc(pageSize ?? votesPage), 1), votesPage);
      const all: HubVote[] = [];
      const seen = new Set<string>();
      // The cursor: the latest `created` read, and how many votes of that second were read.
      let created = 0;
      let readAtCreated = 0;
      for (;;) {
        if (readAtCreated > MAX_SKIP)
          throw new HubResponseError(
            `More than ${MAX_SKIP.toLocaleString('en-US')} votes share one second on the vote hub; this companion cannot page through them. Try again later.`,
          );
        const page = await graphql(
          'votes',
          hubVoteSchema.array().max(PAGE_SIZE),
          VOTES_FROM_QUERY,
          { proposal, created, first, skip: readAtCreated },
          CAPS.votes,
        );
        for (const vote of page) {
          if (seen.has(vote.id)) continue; // a page border inside one second, seen twice
          seen.add(vote.id);
          all.push(vote);
        }
        onProgress?.(all.length, null);
        if (page.length < first) return all;
        if (all.length >= MAX_VOTES)
          throw new HubResponseError(
            `The proposal has more than ${MAX_VOTES.toLocaleString('en-US')} votes; this companion does not tally that many.`,
          );
        const last = page[page.length - 1]!.created;
        if (last < created)
          throw new HubResponseError('The vote hub sent votes out of order; the tally cannot be trusted. Try again later.', {
            details: `${base}/graphql votes`,
          });
        readAtCreated = last === created ? readAtCreated + page.length : page.filter((v) => v.created === last).length;
        created = last;
      }
    },
    async envelopes(proposal, page) {
      const { first, skip } = pageOf(page);
      const url = `${base}/api/votes/${encodeURIComponent(proposal)}/envelopes?first=${first}&skip=${skip}`;
      const answer = await hubRequest(url, { method: 'GET', maxBytes: CAPS.envelopes }, options);
      if (answer.status === 404 || answer.status === 405 || answer.status === 501) return null;
      const parsed = envelopePageSchema.safeParse(answer.json);
      if (!answer.ok || !parsed.success) {
        throw new HubResponseError('The vote hub sent signed votes this companion cannot read', {
          details: `${url}: ${answer.ok && !parsed.success ? describe(parsed.error) : `HTTP ${answer.status}`}`,
        });
      }
      return { envelopes: parsed.data.envelopes, total: parsed.data.total ?? null };
    },
    async allEnvelopes(proposal, onProgress) {
      const all: unknown[] = [];
      const served = await client.eachEnvelopePage(proposal, (envelopes, total) => {
        all.push(...envelopes);
        onProgress?.(all.length, total);
      });
      return served ? all : null;
    },
    async eachEnvelopePage(proposal, onPage, options = {}) {
      const first = Math.min(Math.max(Math.trunc(options.pageSize ?? PAGE_SIZE), 1), PAGE_SIZE);
      let read = 0;
      for (let skip = 0; ; skip += first) {
        const page = await client.envelopes(proposal, { first, skip });
        if (page === null) {
          if (skip === 0) return false;
          throw new HubResponseError('The vote hub stopped serving signed votes halfway');
        }
        read += page.envelopes.length;
        onPage(page.envelopes, page.total);
        if (page.envelopes.length < first) return true;
        if (read >= MAX_VOTES)
          throw new HubResponseError(
            `The proposal has more than ${MAX_VOTES.toLocaleString('en-US')} votes; this companion does not tally that many`,
          );
      }
    },
    async submitVote(envelope) {
      const url = sequencerUrl(base);
      const answer = await hubRequest(url, { method: 'POST', body: envelope, maxBytes: CAPS.msg }, options);
      if (answer.ok) {
        const receipt = msgReceiptSchema.safeParse(answer.json);
        if (!receipt.success)
          throw new HubResponseError('The vote hub took the vote but sent no receipt', { details: `${url}: ${describe(receipt.error)}` });
        return { id: receipt.data.id, ipfs: receipt.data.ipfs ?? null };
      }
      const refusal = msgErrorSchema.safeParse(answer.json);
      const said = refusal.success ? textOf(refusal.data.error_description) || textOf(refusal.data.error) : '';
      const status = `HTTP ${answer.status}${said ? `: ${said}` : ''}`;
      // snapshot-sequencer refuses a message it already stored ("duplicate message"): a vote
      // re-posted after a lost answer or a restart. It has the vote; its id is the typed-data hash.
      if (answer.status === 400 && DUPLICATE.test(said)) return { id: messageId(envelope), ipfs: null };
      // 425: the same envelope is being processed right now; 429: too many requests. Both pass.
      if (answer.status === 425 || answer.status === 429) throw new HubResponseError(`The vote hub is busy (${status}).`, { details: url });
      // snapshot-sequencer answers some failures of its own with 400: not a "no" to the vote.
      if (answer.status === 400 && TRANSIENT.test(said))
        throw new HubResponseError(`The vote hub could not take the vote just now (${status}).`, { details: url });
      if (answer.status >= 400 && answer.status < 500) throw new HubRefusedVoteError(said || `HTTP ${answer.status}`);
      throw new HubResponseError(`The vote hub failed (${status}).`, { details: url });
    },
  };
  return client;
}

/** What snapshot-sequencer answers to a message it already has (and `duplicate vote`, to be safe). */
const DUPLICATE = /^duplicate (message|vote)$/i;

/** snapshot-sequencer's own failures that it reports as client errors (HTTP 400). */
const TRANSIENT = /^(pinning failed|failed to check voting power|failed to check vote validation)$/i;

/** Snapshot's id of a signed message: the EIP-712 hash of its typed data (snapshot.js `getHash`). */
function messageId(envelope: VoteEnvelope): string {
  return hashTypedData(viemTypedData({ ...envelope.data, primaryType: 'Vote' } as VoteTypedData));
}

/** The hub's words as a sentence: ends with a full stop unless they already end a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 300);
  if (value === null || value === undefined) return '';
  return JSON.stringify(value).slice(0, 300);
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}
