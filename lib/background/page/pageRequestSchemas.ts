import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import {
  FRAME_REQUEST_CHANNEL,
  PAGE_REQUEST_CHANNEL,
  type FrameRequestMap,
  type FrameRequestType,
  type PageRequestMap,
  type PageRequestType,
} from '@/lib/messaging/pageRequests';

// What our in-page content script may ask. It runs next to an untrusted page, so even its payloads
// are checked; the answer is always about the sender tab's own origin.
export const pageEnvelopeSchema = z.strictObject({
  channel: z.literal(PAGE_REQUEST_CHANNEL),
  type: z.enum(['page-layout']),
  payload: z.unknown(),
});

export const pageRequestSchemas: { [T in PageRequestType]: z.ZodType<PageRequestMap[T]['payload']> } = {
  'page-layout': z.strictObject({}),
};

// What our page frame may ask. Its code is ours, but any page can embed it and choose its URL:
// the gate id is checked like any input, and the tab comes from the browser.
export const frameEnvelopeSchema = z.strictObject({
  channel: z.literal(FRAME_REQUEST_CHANNEL),
  type: z.enum(['frame-gate', 'companion-summary', 'unlock-gate', 'lock-gate', 'companion-dismiss', 'open-popup']),
  payload: z.unknown(),
});

const gateId = z.string().min(1).max(64);

export const frameRequestSchemas: { [T in FrameRequestType]: z.ZodType<FrameRequestMap[T]['payload']> } = {
  'frame-gate': z.strictObject({ gateId }),
  'companion-summary': z.strictObject({}),
  'unlock-gate': z.strictObject({ gateId, walletUuid: z.string().min(1).max(100).optional() }),
  'lock-gate': z.strictObject({ gateId }),
  'companion-dismiss': z.strictObject({ dismissed: z.boolean() }),
  'open-popup': z.strictObject({}),
};
