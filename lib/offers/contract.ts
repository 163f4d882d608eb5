import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the offers feature, from the popup. The offer, its price, recipient and endpoint
// come from the manifest the tab's page declared (the background's record of it), never from
// the popup: the popup names the tab and the offer id only.

const tabId = z.number().int().nonnegative();
const redemptionRun = z.object({ redemptionId: z.string() });

export const offersRequests = {
  /**
   * Starts redeeming an offer of the creator declared in `tabId`: refused at once (a sentence)
   * when the site is not confirmed, the balance is short or the transfer would fail; otherwise
   * saved and carried on in the background (the redemption row tells how it goes).
   */
  'redeem-offer': defineRequest({
    sender: 'popup',
    input: z.strictObject({ tabId, tokenId: z.string().max(200), offerId: z.string().min(1).max(64) }),
    output: redemptionRun,
  }),
  /** Books a paid redemption again (fresh proof signed in the creator's page, same payment). */
  'book-again': defineRequest({
    sender: 'popup',
    input: z.strictObject({ tabId, redemptionId: z.string().min(1).max(64) }),
    output: redemptionRun,
  }),
};
