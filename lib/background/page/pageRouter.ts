import type { z } from 'zod';
import type { Response } from '@/lib/messaging/requests';
import { VotesError } from '@/lib/votes/errors';
import { readTabDocument, readTabState } from '../tabStates';
import { UserFacingError } from '../userFacingError';
import type { PageContext } from './pageContext';
import { frameRequestHandlers, pageRequestHandlers } from './pageRequestHandlers';
import { frameEnvelopeSchema, frameRequestSchemas, pageEnvelopeSchema, pageRequestSchemas } from './pageRequestSchemas';

export function isPageRequest(message: unknown): boolean {
  return pageEnvelopeSchema.safeParse(message).success;
}

export function isFrameRequest(message: unknown): boolean {
  return frameEnvelopeSchema.safeParse(message).success;
}

type Sender = { tabId: number; origin: string; documentId: string | null };
type Handler = (page: PageContext, payload: unknown) => Promise<unknown>;

/**
 * A request from our content script in a tab's top frame. The origin and tab come from the
 * browser; the tab must have declared a creator on that same origin.
 */
export function handlePageRequest(message: unknown, sender: Sender): Promise<Response<unknown>> {
  const envelope = pageEnvelopeSchema.safeParse(message);
  if (!envelope.success) return Promise.resolve({ ok: false, error: 'Unknown request.' });
  const { type, payload } = envelope.data;
  return answer(type, pageRequestSchemas[type], pageRequestHandlers[type] as Handler, payload, sender);
}

/**
 * A request from our page frame shown in a tab. The tab and its top-level origin come from the
 * browser (the frame's URL is the embedder's choice); the signature is asked of the document that
 * declared the token, never of the frame.
 */
export async function handleFrameRequest(message: unknown, frame: { tabId: number; origin: string }): Promise<Response<unknown>> {
  const envelope = frameEnvelopeSchema.safeParse(message);
  if (!envelope.success) return { ok: false, error: 'Unknown request.' };
  const { type, payload } = envelope.data;
  const documentId = await readTabDocument(frame.tabId);
  return answer(type, frameRequestSchemas[type], frameRequestHandlers[type] as Handler, payload, { ...frame, documentId });
}

async function answer(type: string, schema: z.ZodType, handler: Handler, rawPayload: unknown, sender: Sender): Promise<Response<unknown>> {
  const payload = schema.safeParse(rawPayload);
  if (!payload.success) return { ok: false, error: 'The request was malformed.' };
  const state = await readTabState(sender.tabId);
  if (state?.status !== 'detected' || state.origin !== sender.origin) return { ok: false, error: 'This page has not declared a creator token.' };
  const page: PageContext = { ...sender, state };
  try {
    return { ok: true, value: await handler(page, payload.data) };
  } catch (error) {
    if (error instanceof UserFacingError || error instanceof VotesError) return { ok: false, error: error.message };
    console.error(`page request ${type} failed`, error);
    return { ok: false, error: 'Something went wrong in the extension. Try again; if it persists, reload the page.' };
  }
}
