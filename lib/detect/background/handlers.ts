import type { RequestHandlers } from '@/lib/messaging/contract';
import type { detectRequests } from '../contract';
import { injectCompanion } from '../../gates/background/injectCompanion';
import { curatedList } from './curatedList';
import { resolveDeclaration } from './resolveDeclaration';
import { forgetTabDocument, readTabState, writeTabState } from './tabStates';

export const detectHandlers: RequestHandlers<typeof detectRequests> = {
  declaration: async (message, page) => {
    // A single-page site removed its declaration: forget it, if it was this document's.
    if (message.withdrawn) {
      await forgetTabDocument(page.tabId, page.documentId);
      return null;
    }
    const state = resolveDeclaration(message, page.origin, curatedList());
    await writeTabState(page.tabId, state, page.documentId);
    if (state.status === 'detected') await injectCompanion(page.tabId, page.documentId);
    return null;
  },
  'tab-state': ({ tabId }) => readTabState(tabId),
};
