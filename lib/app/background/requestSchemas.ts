import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import type { RequestMap, RequestType } from '@/lib/messaging/requests';
import { MAX_REASON } from '@/lib/votes/core/buildVoteTypedData';

// Payload checks for every request an extension page may make. Even our own popup's input is
// checked: it carries what the holder typed.
const tokenId = z.string().max(200);

export const requestSchemas: { [T in RequestType]: z.ZodType<RequestMap[T]['payload']> } = {
  'tab-state': z.strictObject({ tabId: z.number().int().nonnegative() }),
  refresh: z.strictObject({ tokenIds: z.array(tokenId).max(100) }),
  follow: z.strictObject({ tabId: z.number().int().nonnegative() }),
  unfollow: z.strictObject({ tokenId }),
  'set-watch-address': z.strictObject({ address: z.string().max(100).nullable() }),
  'show-page-card': z.strictObject({ tabId: z.number().int().nonnegative() }),
  'set-rpc-urls': z.strictObject({ chainId: z.number().int().positive(), urls: z.array(z.string().max(2048)).max(5) }),
  'clear-all-data': z.strictObject({}),
  'wallet-connect': z.strictObject({}),
  'wallet-disconnect': z.strictObject({}),
  proposals: z.strictObject({ tokenId }),
  'cast-vote': z.strictObject({
    tokenId,
    proposalId: z.string().max(100),
    // Snapshot's encodings: an index, a list of indices, or weights per index.
    choice: z.union([
      z.number().int().positive(),
      z.array(z.number().int().positive()).max(100),
      z.record(z.string().regex(/^[1-9][0-9]{0,2}$/), z.number().nonnegative().max(1e9)),
    ]),
    // Snapshot's own cap on a vote's reason (snapshot.js schemas/vote.json).
    reason: z.string().max(MAX_REASON).optional(),
  }),
  'retry-vote': z.strictObject({ voteId: z.string().max(100) }),
  tally: z.strictObject({ tokenId, proposalId: z.string().max(100) }),
  claim: z.strictObject({ tokenId, roundId: z.string().max(64) }),
  'collect-rewards': z.strictObject({ tokenId, staking: z.string().regex(/^0x[0-9a-fA-F]{40}$/) }),
};

export const envelopeSchema = z.strictObject({
  channel: z.literal('companion-request'),
  type: z.enum(Object.keys(requestSchemas) as [RequestType, ...RequestType[]]),
  payload: z.unknown(),
});
