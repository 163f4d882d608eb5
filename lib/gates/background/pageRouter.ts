import type { Response } from '@/lib/messaging/requests';
import { VotesError } from '@/lib/votes/core/errors';
import { readTabStateFor } from '../../detect/background/tabStates';
import { UserFacingError } from '../../app/userFacingError';
import type { PageContext } from './pageContext';
import { pageRequestHandlers } from './pageRequestHandlers';
import { pageEnvelopeSchema, pageRequestSchemas } from './pageRequestSchemas';

export function isPageRequest(message: unknown): boolean {
  return pageEnvelopeSchema.safeParse(message).success;
}

/**
 * A request from our content script in a tab's top frame. The origin and tab come from the
 * browser; the tab must have declared a creator on that same origin, from that same document.
 */
export async function handlePageRequest(message: unknown, sender: { tabId: number; origin: string; documentId: string | null }): Promise<Response<unknown>> {
  const envelope = pageEnvelopeSchema.safeParse(message);
  if (!envelope.success) return { ok: false, error: 'Unknown request.' };
  const { type } = envelope.data;
  const payload = pageRequestSchemas[type].safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, error: 'The request was malformed.' };
  const state = await readTabStateFor(sender.tabId, sender.documentId);
  if (state?.status !== 'detected' || state.origin !== sender.origin) return { ok: false, error: 'This page has not declared a creator token.' };
  const page: PageContext = { ...sender, state };
  try {
    const handler = pageRequestHandlers[type] as (p: PageContext, payload: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(page, payload.data) };
  } catch (error) {
    if (error instanceof UserFacingError || error instanceof VotesError) return { ok: false, error: error.message };
    console.error(`page request ${type} failed`, error);
    return { ok: false, error: 'Something went wrong in the extension. Try again; if it persists, reload the page.' };
  }
}
