import '../../protocol/zodNoEval';
import { z } from 'zod';
import { isVoteType, type VoteType } from './voteTypes';

// What a Snapshot-compatible hub may send, with Snapshot's own field names (hub.snapshot.org
// GraphQL). Objects are not strict: hubs add fields over time, and extra ones are dropped. Every
// list and string has a ceiling, so a hostile hub cannot make the popup render megabytes.

const hex = (max: number) =>
  z
    .string()
    .regex(/^0x[0-9a-fA-F]*$/)
    .max(max);
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, { error: 'expected an address' });
const unixSeconds = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 40);
const blockNumber = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform((n) => BigInt(n));

export type ProposalState = 'pending' | 'active' | 'closed';

export const hubProposalSchema = z
  .object({
    id: z.string().min(1).max(100),
    title: z.string().max(1_000),
    body: z.string().max(200_000).nullish(),
    choices: z.array(z.string().max(1_000)).min(1).max(500),
    start: unixSeconds,
    end: unixSeconds,
    snapshot: blockNumber,
    state: z.string().max(32),
    type: z.string().max(32).nullish(),
    network: z.string().max(32).nullish(),
    author: z.string().max(100).nullish(),
    created: unixSeconds.nullish(),
    space: z.object({ id: z.string().max(100), name: z.string().max(200).nullish() }).nullish(),
    scores: z.array(z.number()).max(500).nullish(),
    scores_total: z.number().nullish(),
    scores_state: z.string().max(32).nullish(),
    votes: z.number().int().nonnegative().nullish(),
    quorum: z.number().nullish(),
    privacy: z.string().max(32).nullish(),
  })
  .transform((p) => ({
    id: p.id,
    title: p.title,
    body: p.body ?? '',
    choices: p.choices,
    start: p.start,
    end: p.end,
    snapshotBlock: p.snapshot,
    state: p.state,
    /** null when the hub uses a type this companion does not know: show it, do not vote on it. */
    type: (isVoteType(p.type ?? 'single-choice') ? (p.type ?? 'single-choice') : null) as VoteType | null,
    rawType: p.type ?? 'single-choice',
    /** The chain id the hub reads balances on, as text (Snapshot's `network`). */
    network: p.network ?? null,
    author: p.author ?? null,
    created: p.created ?? null,
    space: p.space?.id ?? null,
    /** The hub's claim, in whole tokens (floats, as Snapshot reports them). */
    scores: p.scores ?? null,
    scoresTotal: p.scores_total ?? null,
    scoresState: p.scores_state ?? null,
    votes: p.votes ?? null,
    privacy: p.privacy ?? '',
  }));
export type HubProposal = z.output<typeof hubProposalSchema>;

const choiceValue = z.union([
  z.number(),
  z.array(z.number()).max(500),
  z.record(z.string().max(10), z.number()).refine((r) => Object.keys(r).length <= 500),
  z.string().max(10_000), // shielded or legacy hubs: kept, judged by the tally
]);

export const hubVoteSchema = z
  .object({
    id: z.string().max(100),
    ipfs: z.string().max(200).nullish(),
    voter: address,
    created: unixSeconds,
    choice: choiceValue,
    reason: z.string().max(10_000).nullish(),
    app: z.string().max(100).nullish(),
    vp: z.number().nullish(),
    vp_state: z.string().max(32).nullish(),
  })
  .transform((v) => ({
    id: v.id,
    ipfs: v.ipfs ?? null,
    voter: v.voter,
    created: v.created,
    choice: v.choice,
    reason: v.reason ?? '',
    app: v.app ?? '',
    vp: v.vp ?? null,
  }));
export type HubVote = z.output<typeof hubVoteSchema>;

/**
 * A GraphQL answer's errors, read on their own: snapshot-hub sends `{ data: { votes: null },
 * errors: [...] }` when a resolver refuses, and the hub's message must reach the holder even
 * though `data` does not fit the field's schema.
 */
export const graphqlErrorsSchema = z.object({
  errors: z
    .array(z.object({ message: z.string().max(1_000) }))
    .min(1)
    .max(20),
});

/** A GraphQL answer: data, or errors with messages (Snapshot sends both shapes). */
export function graphqlResponseSchema<T extends z.ZodType>(field: string, value: T) {
  return z.object({
    data: z.object({ [field]: value }).nullish(),
    errors: z
      .array(z.object({ message: z.string().max(1_000) }))
      .max(20)
      .nullish(),
  });
}

/** A signed vote as snapshot.js posts it; the message is checked against its own types later. */
export const voteEnvelopeSchema = z.object({
  address,
  sig: hex(2_000),
  data: z.object({
    domain: z.record(z.string().max(32), z.union([z.string().max(100), z.number()])),
    types: z.record(z.string().max(64), z.array(z.object({ name: z.string().max(64), type: z.string().max(64) })).max(20)),
    message: z.record(z.string().max(64), z.unknown()),
  }),
});
export type RemoteVoteEnvelope = z.output<typeof voteEnvelopeSchema>;

/** The optional bulk endpoint (see hubClient.ts): one page of signed envelopes, oldest first. */
export const envelopePageSchema = z.object({
  envelopes: z.array(z.looseObject({ id: z.string().max(100).nullish(), ipfs: z.string().max(200).nullish() })).max(1_000),
  total: z.number().int().nonnegative().nullish(),
});

/** The sequencer's answer to a vote: a receipt, or Snapshot's `{ error, error_description }`. */
export const msgReceiptSchema = z.object({
  id: z.string().min(1).max(200),
  ipfs: z.string().max(200).nullish(),
  relayer: z.object({ address: z.string().max(100).nullish(), receipt: z.string().max(1_000).nullish() }).nullish(),
});
export const msgErrorSchema = z.object({ error: z.string().max(200).nullish(), error_description: z.unknown().optional() });
