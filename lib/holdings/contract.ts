import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the holdings feature, all from the popup.

const tokenId = z.string().max(200);
const tabId = z.number().int().nonnegative();

export const refreshOutcomeSchema = z.object({
  /** Per chain read: the block it was read at, or why it failed. */
  chains: z.array(
    z.object({ chainId: z.number().int(), chainName: z.string(), blockNumber: z.string().nullable(), error: z.string().nullable() }),
  ),
});
export type RefreshOutcome = z.infer<typeof refreshOutcomeSchema>;

export const holdingsRequests = {
  /** Finds the listed tokens the holder owns, then reads them with every followed token (and `tokenIds`, e.g. the tab's): chains + chunks requests. */
  refresh: defineRequest({ sender: 'popup', input: z.strictObject({ tokenIds: z.array(tokenId).max(100) }), output: refreshOutcomeSchema }),
  /** Follows the token the tab's page declares. */
  follow: defineRequest({ sender: 'popup', input: z.strictObject({ tabId }), output: z.object({ tokenId: z.string() }) }),
  unfollow: defineRequest({ sender: 'popup', input: z.strictObject({ tokenId }), output: z.null() }),
  /** Follows a token of an enabled list that discovery found in the holder's wallet. */
  'follow-listed': defineRequest({ sender: 'popup', input: z.strictObject({ tokenId }), output: z.object({ tokenId: z.string() }) }),
};
