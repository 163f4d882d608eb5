import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the holdings feature, all from the popup.

const tokenId = z.string().max(200);
const tabId = z.number().int().nonnegative();

export const refreshOutcomeSchema = z.object({
  /** Per chain read: the block it was read at, or why it failed. */
  chains: z.array(z.object({ chainId: z.number().int(), chainName: z.string(), blockNumber: z.string().nullable(), error: z.string().nullable() })),
});
export type RefreshOutcome = z.infer<typeof refreshOutcomeSchema>;

export const holdingsRequests = {
  /** Reads every followed token (and `tokenIds`, e.g. the tab's) in one multicall per chain. */
  refresh: defineRequest({ sender: 'popup', input: z.strictObject({ tokenIds: z.array(tokenId).max(100) }), output: refreshOutcomeSchema }),
  /** Follows the token the tab's page declares. */
  follow: defineRequest({ sender: 'popup', input: z.strictObject({ tabId }), output: z.object({ tokenId: z.string() }) }),
  unfollow: defineRequest({ sender: 'popup', input: z.strictObject({ tokenId }), output: z.null() }),
};
