import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { PAGE_REQUEST_CHANNEL, type PageRequestMap, type PageRequestType } from '@/lib/gates/contract';

// What our in-page content script may ask. It runs next to an untrusted page, so even its payloads
// are checked; the answer is always about the sender tab's own origin.
export const pageEnvelopeSchema = z.strictObject({
  channel: z.literal(PAGE_REQUEST_CHANNEL),
  type: z.enum(['page-gates', 'companion-summary', 'unlock-gate', 'lock-gate', 'companion-dismiss', 'open-popup']),
  payload: z.unknown(),
});

export const pageRequestSchemas: { [T in PageRequestType]: z.ZodType<PageRequestMap[T]['payload']> } = {
  'page-gates': z.strictObject({}),
  'companion-summary': z.strictObject({}),
  'unlock-gate': z.strictObject({ gateId: z.string().min(1).max(64), walletUuid: z.string().min(1).max(100).optional() }),
  'lock-gate': z.strictObject({ gateId: z.string().min(1).max(64) }),
  'companion-dismiss': z.strictObject({ dismissed: z.boolean() }),
  'open-popup': z.strictObject({}),
};
