import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';
import { MAX_REASON } from './core/buildVoteTypedData';

// Requests of the votes feature, from the popup, and what the popup shows of a creator's votes.
// The background builds these from the hub and the chain; amounts are decimal strings of base
// units (they cross a JSON message boundary).

const voteTypeSchema = z.enum(['single-choice', 'approval', 'weighted', 'ranked-choice', 'quadratic', 'basic', 'copeland']);
export type VoteType = z.infer<typeof voteTypeSchema>;

const baseUnits = z.string().regex(/^[0-9]+$/);

export const proposalViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  type: voteTypeSchema,
  choices: z.array(z.string()),
  /** Unix seconds. */
  start: z.number(),
  end: z.number(),
  /** The block whose balances count. */
  snapshotBlock: z.number().int(),
  state: z.enum(['pending', 'active', 'closed']),
  /** What the hub says the scores are (voting power per choice, as numbers the hub sent). */
  hubScores: z.array(z.number()),
  votes: z.number().int(),
  /** Votes hidden until the end (Snapshot's `privacy: "shutter"`): the companion cannot sign them. */
  shielded: z.boolean(),
  /** Where the holder can vote on it themselves (Snapshot's page, or the hub); null if unknown. */
  pageUrl: z.string().nullable(),
});
export type ProposalView = z.infer<typeof proposalViewSchema>;

export const votingPowerViewSchema = z.object({
  account: z.string(),
  /** Base units of the creator token counted at the snapshot block (wallet + liquidity if counted). */
  amount: baseUnits,
  fromLiquidity: baseUnits,
  /** Whether the creator's manifest counts liquidity (`votes.countLiquidity`). */
  countsLiquidity: z.boolean(),
  /** The hub's own figure (`vp`), in whole tokens as the hub sends it; null when it gave none. */
  hubVp: z.number().nullable(),
  decimals: z.number().int().nonnegative(),
  symbol: z.string(),
  blockNumber: z.number().int(),
});
export type VotingPowerView = z.infer<typeof votingPowerViewSchema>;

export const proposalWithPowerSchema = z.object({ proposal: proposalViewSchema, power: votingPowerViewSchema.nullable() });
export type ProposalWithPower = z.infer<typeof proposalWithPowerSchema>;

export const tallyViewSchema = z.object({
  proposalId: z.string(),
  /** Per choice, base units of voting power, recomputed locally. */
  scores: z.array(baseUnits),
  scoresTotal: baseUnits,
  verified: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  invalid: z.array(z.object({ voter: z.string(), reason: z.string() })),
  hubDisagrees: z.boolean(),
  /** False when the hub does not serve signed envelopes: only weights were re-checked. */
  signaturesChecked: z.boolean(),
  decimals: z.number().int().nonnegative(),
  symbol: z.string(),
});
export type TallyView = z.infer<typeof tallyViewSchema>;

const tokenId = z.string().max(200);
const proposalId = z.string().max(100);

/** Snapshot's encodings: an index, a list of indices, or weights per index. */
const choiceSchema = z.union([
  z.number().int().positive(),
  z.array(z.number().int().positive()).max(100),
  z.record(z.string().regex(/^[1-9][0-9]{0,2}$/), z.number().nonnegative().max(1e9)),
]);

export const votesRequests = {
  proposals: defineRequest({ sender: 'popup', input: z.strictObject({ tokenId }), output: z.array(proposalWithPowerSchema) }),
  /** Saves the vote, asks the wallet, posts it; resolves with the vote's id once saved and signed or refused. */
  'cast-vote': defineRequest({
    sender: 'popup',
    // Snapshot's own cap on a vote's reason (snapshot.js schemas/vote.json).
    input: z.strictObject({ tokenId, proposalId, choice: choiceSchema, reason: z.string().max(MAX_REASON).optional() }),
    output: z.object({ voteId: z.string() }),
  }),
  /** Sends a signed vote the hub has not taken yet again, now (the same signature). */
  'retry-vote': defineRequest({ sender: 'popup', input: z.strictObject({ voteId: z.string().max(100) }), output: z.null() }),
  tally: defineRequest({ sender: 'popup', input: z.strictObject({ tokenId, proposalId }), output: tallyViewSchema }),
};

/** Where a running tally is, for the popup's progress line. */
export interface TallyProgressView {
  stage: 'proposal' | 'votes' | 'envelopes' | 'signatures' | 'power';
  done: number;
  total: number | null;
}

export const tallyProgressKey = (proposalId: string) => `tally-progress:${proposalId}`;
