import type { Address } from 'viem';
import { ANVIL_ACCOUNTS } from '../../devnet/accounts';

// What Alex sells for $ALEX, served by his site's offer endpoint (offerEndpoint.ts) at OFFERS_PATH.
// Tests import the exact strings from here.

/** Where a creator site mounts its booking endpoint; the manifest's `endpoint` is `${origin}${OFFERS_PATH}`. */
export const OFFERS_PATH = '/offers';

/** Alex receives payments at the devnet deployer's address (the account that minted ALEX). */
export const ALEX_RECIPIENT: Address = ANVIL_ACCOUNTS[0].address;

export interface DemoOffer {
  id: string;
  title: string;
  description: string;
  /** Base units (18 decimals on the devnet tokens). */
  price: bigint;
  recipient: Address;
  /** The booking reference's prefix: `HOUR-` + the first 8 hex digits of the payment's hash. */
  referencePrefix: string;
}

export const ALEX_OFFERS = {
  hour: {
    id: 'hour',
    title: "An hour of Alex's time",
    description:
      'A one-hour video call about whatever you want: your project, your token, your life choices. You pick the slot after booking.',
    price: 25_000n * 10n ** 18n,
    recipient: ALEX_RECIPIENT,
    referencePrefix: 'HOUR',
  },
} as const satisfies Record<string, DemoOffer>;

export const ALEX_OFFER_LIST: readonly DemoOffer[] = Object.values(ALEX_OFFERS);

/** The manifest entry of a demo offer. */
export function offerManifestEntry(offer: DemoOffer, endpoint: string): Record<string, string> {
  return {
    id: offer.id,
    title: offer.title,
    description: offer.description,
    price: offer.price.toString(),
    recipient: offer.recipient,
    endpoint,
  };
}
