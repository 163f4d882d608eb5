import type { RequestHandlers } from '@/lib/messaging/contract';
import { UserFacingError } from '../../app/userFacingError';
import { backgroundDeps } from '../../app/background/backgroundDeps';
import { readDeclaringDocument, readTabState } from '../../detect/background/tabStates';
import type { PageContext } from '../../gates/background/pageContext';
import type { offersRequests } from '../contract';
import { bookAgain, redeemOffer } from './redeemOffer';

/** The creator page open in `tabId`, as the background recorded it (origin from the browser, not the page). */
async function creatorPage(tabId: number): Promise<PageContext> {
  const [state, documentId] = await Promise.all([readTabState(tabId), readDeclaringDocument(tabId)]);
  if (state?.status !== 'detected' || state.listedDomain)
    throw new UserFacingError("Open the creator's own page in this tab to redeem: your wallet signs the booking proof there.");
  return { tabId, documentId, origin: state.origin, state };
}

export const offersHandlers: RequestHandlers<typeof offersRequests> = {
  'redeem-offer': async ({ tabId, tokenId, offerId }) => {
    const page = await creatorPage(tabId);
    if (page.state.tokenId !== tokenId)
      throw new UserFacingError("This tab shows another creator's page. Open the creator's page and try again.");
    const { redemptionId } = await redeemOffer(backgroundDeps(), page, offerId);
    return { redemptionId };
  },
  'book-again': async ({ tabId, redemptionId }) => {
    const { redemptionId: id } = await bookAgain(backgroundDeps(), await creatorPage(tabId), redemptionId);
    return { redemptionId: id };
  },
};
