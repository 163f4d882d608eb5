import type { RequestHandlers } from '@/lib/messaging/contract';
import type { detectRequests } from '../contract';
import { injectCompanion } from '../../gates/background/injectCompanion';
import { enabledTokenList } from '../../lists/tokenListsRepository';
import { recogniseListedSite, tabStateOrListed } from './listedSiteTab';
import { listedSitesFrom } from './listedSites';
import { resolveDeclaration } from './resolveDeclaration';
import { forgetTabDocument, updateTabState, writeTabState } from './tabStates';
import { backgroundDeps } from '../../app/background/backgroundDeps';
import { onChainFindings } from './onChainFindings';

/** The ENS route and the lookalike checks, after the page's state is shown: the badge updates when they land. */
async function confirmOnChain(tabId: number, documentId: string | null, tokenId: string, origin: string): Promise<void> {
  const { verdict, warnings } = await onChainFindings(backgroundDeps(), tokenId, origin);
  await updateTabState(tabId, documentId, tokenId, (s) => ({
    ...s,
    ens: verdict,
    confirmation: verdict.status === 'confirmed' ? 'confirmed' : s.confirmation,
    ...(warnings.length ? { warnings } : {}),
  }));
}

export const detectHandlers: RequestHandlers<typeof detectRequests> = {
  declaration: async (message, page) => {
    const list = await enabledTokenList(backgroundDeps().db);
    // A single-page site removed its declaration: forget it, if it was this document's; on a
    // listed site the list's view comes back at once.
    if (message.withdrawn) {
      await forgetTabDocument(page.tabId, page.documentId);
      await recogniseListedSite(page.tabId, page.origin, list);
      return null;
    }
    const state = resolveDeclaration(message, page.origin, list);
    await writeTabState(page.tabId, state, page.documentId);
    if (state.status === 'detected') {
      await injectCompanion(page.tabId, page.documentId);
      void confirmOnChain(page.tabId, page.documentId, state.tokenId, state.origin);
    }
    return null;
  },
  'tab-state': ({ tabId }) => tabStateOrListed(() => listedSitesFrom(backgroundDeps().db), tabId),
};
