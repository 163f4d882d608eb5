import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// The popup's wallet button. Schemas only: the wallet itself lives in the background.

export const walletRequests = {
  'wallet-connect': defineRequest({
    sender: 'popup',
    input: z.strictObject({}),
    output: z.object({ account: z.string(), chainId: z.number().int().positive() }),
  }),
  'wallet-disconnect': defineRequest({ sender: 'popup', input: z.strictObject({}), output: z.null() }),
};
