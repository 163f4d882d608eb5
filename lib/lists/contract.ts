import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the token-lists feature, from the popup's settings (what the holder typed is checked).

const url = z.string().min(1).max(2048);

export const listsRequests = {
  /** Fetches, checks and stores a list by URL; refused with one sentence when the list is broken. */
  'add-token-list': defineRequest({
    sender: 'popup',
    input: z.strictObject({ url }),
    output: z.object({ url: z.string(), name: z.string(), tokens: z.number().int() }),
  }),
  'remove-token-list': defineRequest({ sender: 'popup', input: z.strictObject({ url }), output: z.null() }),
  /** `url` is the list's URL, or `shipped` for the list this build ships. */
  'set-token-list-enabled': defineRequest({ sender: 'popup', input: z.strictObject({ url, enabled: z.boolean() }), output: z.null() }),
};
