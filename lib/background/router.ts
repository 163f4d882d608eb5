import { browser, type Browser } from 'wxt/browser';
import type { RequestType, Response } from '@/lib/messaging/requests';
import { curatedList } from './curatedList';
import { declarationMessageSchema } from './declarationSchema';
import { requestHandlers } from './requestHandlers';
import { UserFacingError } from './userFacingError';
import { VotesError } from '@/lib/votes/errors';
import { envelopeSchema, requestSchemas } from './requestSchemas';
import { resolveDeclaration } from './resolveDeclaration';
import { contentScriptTab, isExtensionPage, pageFrameTab } from './senders';
import { writeTabDocument, writeTabState } from './tabStates';
import { injectCompanion } from './page/injectCompanion';
import { handleFrameRequest, handlePageRequest, isFrameRequest, isPageRequest } from './page/pageRouter';
import { PAGE_FRAME_PATH } from '@/lib/messaging/pageRequests';
import { WalletError } from '@/lib/wallet';

type Sender = Browser.runtime.MessageSender;

/**
 * The single entry for runtime messages. Our content scripts may report a declaration and ask
 * where the page's frames go, about their own tab; our page frame may make the page requests
 * (gates, card) about the tab it is shown in; everything else must come from one of our extension
 * pages not embedded in a web page. Anything else is dropped.
 */
export function listenForMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    if (isFrameRequest(message)) {
      // Our page frame, shown inside a tab's page: about that tab only, and nothing else.
      const frame = pageFrameTab(sender, PAGE_FRAME_PATH);
      if (!frame) return false;
      void handleFrameRequest(message, frame).then(sendResponse);
      return true;
    }
    if (isExtensionPage(sender)) {
      // Extension pages embedded in a web page (our page frame) never make the popup's requests.
      if (sender.tab && sender.frameId) return false;
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
  const state = resolveDeclaration(parsed.data, origin, curatedList());
  await writeTabState(tabId, state);
  await writeTabDocument(tabId, documentId);
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
