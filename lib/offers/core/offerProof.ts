import { toSiweStatementText } from '@/lib/gates/core/siwe';
import type { SiweFields } from '@/lib/gates/core/siwe';

/** How long a booking proof stays valid: long enough for the payment to be mined and the booking retried after a restart. */
export const OFFER_PROOF_LIFETIME_MS = 60 * 60 * 1000;

export interface OfferProofInput {
  /** From checkSiweOrigin on the tab's real origin: never from the page. */
  domain: string;
  uri: string;
  address: `0x${string}`;
  chainId: number;
  nonce: string;
  offer: { id: string; title: string };
  /** The price in words, e.g. "25,000 ALEX". */
  priceText: string;
  now: Date;
}

/**
 * The Sign-In-with-Ethereum proof that the account paying for an offer is the holder's: the
 * offer id rides in Request ID so the creator's endpoint knows what is booked; the statement
 * says it in words for the holder reading their wallet.
 */
export function offerProofFields(input: OfferProofInput): SiweFields & { expirationTime: string } {
  return {
    domain: input.domain,
    address: input.address,
    statement: toSiweStatementText(`Book '${input.offer.title}' on ${input.domain}: I pay ${input.priceText} from this account.`),
    uri: input.uri,
    version: '1',
    chainId: input.chainId,
    nonce: input.nonce,
    issuedAt: input.now.toISOString(),
    expirationTime: new Date(input.now.getTime() + OFFER_PROOF_LIFETIME_MS).toISOString(),
    requestId: input.offer.id,
  };
}
