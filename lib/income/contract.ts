import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the income feature, from the popup.

export const incomeRequests = {
  /** Claims a distribution round; resolves once the wallet sent it (the receipt is followed in the background). */
  claim: defineRequest({
    sender: 'popup',
    input: z.strictObject({ tokenId: z.string().max(200), roundId: z.string().max(64) }),
    output: z.object({ transactionId: z.string() }),
  }),
};
