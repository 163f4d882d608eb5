import { browser, type Browser } from 'wxt/browser';
import type { RequestType, Response } from '@/lib/messaging/requests';
import { curatedList } from '../../detect/background/curatedList';
import { declarationMessageSchema } from '../../detect/background/declarationSchema';
import { requestHandlers } from '../../app/background/requestHandlers';
import { UserFacingError } from '../../app/userFacingError';
import { VotesError } from '@/lib/votes/core/errors';
import { envelopeSchema, requestSchemas } from '../../app/background/requestSchemas';
import { resolveDeclaration } from '../../detect/background/resolveDeclaration';
import { contentScriptTab, isExtensionPage } from './senders';
import { forgetTabDocument, writeTabState } from '../../detect/background/tabStates';
import { injectCompanion } from '../../gates/background/injectCompanion';
import { handlePageRequest, isPageRequest } from '../../gates/background/pageRouter';
import { WalletError } from '@/lib/wallet';

type Sender = Browser.runtime.MessageSender;

/**
 * The single entry for runtime messages. Our content scripts may report a declaration and make
 * the page requests (gates, in-page companion) about their own tab; everything else must come
 * from one of our extension pages. Anything else is dropped.
 */
export function listenForMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    if (isExtensionPage(sender)) {
      void handleRequest(message).then(sendResponse);
      return true; // answer asynchronously
    }
    const tab = contentScriptTab(sender);
    if (!tab) return false;
    const documentId = (sender as { documentId?: string }).documentId ?? null; // Chrome only
    if (isPageRequest(message)) {
      void handlePageRequest(message, { ...tab, documentId }).then(sendResponse);
      return true;
    }
    void handleDeclaration(message, tab.tabId, tab.origin, documentId);
    return false;
  });
}

async function handleDeclaration(message: unknown, tabId: number, origin: string, documentId: string | null): Promise<void> {
  const parsed = declarationMessageSchema.safeParse(message);
  if (!parsed.success) return; // not a message our content script sends: ignore it
  if (parsed.data.withdrawn) return forgetTabDocument(tabId, documentId);
  const state = resolveDeclaration(parsed.data, origin, curatedList());
  await writeTabState(tabId, state, documentId);
  if (state.status === 'detected') await injectCompanion(tabId, documentId);
}

async function handleRequest(message: unknown): Promise<Response<unknown>> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) return { ok: false, error: 'Unknown request.' };
  const type: RequestType = envelope.data.type;
  const payload = requestSchemas[type].safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, error: 'The request was malformed.' };
  try {
    const handler = requestHandlers[type] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(payload.data) };
  } catch (error) {
    if (error instanceof UserFacingError || error instanceof WalletError || error instanceof VotesError) return { ok: false, error: error.message };
    console.error(`request ${type} failed`, error);
    return { ok: false, error: 'Something went wrong in the extension. Try again; if it persists, reload the extension.' };
  }
}
