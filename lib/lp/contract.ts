import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the liquidity feature, from the popup.

export const lpRequests = {
  /** Collects a StakingRewards program's rewards; resolves once the wallet sent the transaction. */
  'collect-rewards': defineRequest({
    sender: 'popup',
    input: z.strictObject({ tokenId: z.string().max(200), staking: z.string().regex(/^0x[0-9a-fA-F]{40}$/) }),
    output: z.object({ transactionId: z.string() }),
  }),
};
