import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { askCreatorEndpoint } from '@/lib/net/askCreatorEndpoint';
import { BaseError, type BaseErrorOptions } from '@/lib/errors/baseError';

// The creator's side of an offer (README, "For creators"): `GET <endpoint>/nonce` gives a
// one-time nonce; `POST <endpoint>/book` with the transfer's hash and the signed proof of the
// sender answers `{offer, reference}` once the transfer is checked on chain, or `{error}` with a
// sentence. Both answers are size-capped and schema-checked: the server may be hostile too.

export const OFFER_LIMITS = {
  nonceBytes: 1024,
  bookingBytes: 4096,
  timeoutMs: 20_000,
  errorChars: 300,
} as const;

const nonceSchema = z.object({ nonce: z.string().regex(/^[A-Za-z0-9]{8,96}$/, 'the nonce must be 8 to 96 letters and digits') });

const bookingSchema = z.object({
  offer: z.string().max(100),
  // Shown as text; one line of printable characters.
  reference: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+$/),
});
export type Booking = z.infer<typeof bookingSchema>;

export interface BookingRequest {
  offer: string;
  txHash: string;
  message: string;
  signature: string;
}

/** A refusal or failure of the creator's booking endpoint, as a sentence for the holder. */
export class OfferEndpointError extends BaseError {
  override name = 'OfferEndpointError';
  /** True when the endpoint answered with a refusal (4xx), false when it could not be reached or failed. */
  readonly refused: boolean;
  constructor(message: string, refused: boolean, options: BaseErrorOptions = {}) {
    super(message, { code: 'offers.endpoint', ...options });
    this.refused = refused;
  }
}

/** `<endpoint>/<action>`, whether or not the endpoint ends with a slash. */
export function offerUrl(endpoint: string, action: 'nonce' | 'book'): string {
  const base = new URL(endpoint);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/${action}`;
  base.hash = '';
  return base.href;
}

export async function fetchOfferNonce(endpoint: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const body = await exchange(offerUrl(endpoint, 'nonce'), { method: 'GET' }, OFFER_LIMITS.nonceBytes, fetchImpl);
  const parsed = nonceSchema.safeParse(body);
  if (!parsed.success)
    throw new OfferEndpointError(
      `The creator's site gave an unusable nonce (${parsed.error.issues[0]?.message ?? 'bad answer'}). Nothing was signed or paid.`,
      false,
    );
  return parsed.data.nonce;
}

export async function postOfferBooking(endpoint: string, request: BookingRequest, fetchImpl: typeof fetch = fetch): Promise<Booking> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) };
  const body = await exchange(offerUrl(endpoint, 'book'), init, OFFER_LIMITS.bookingBytes, fetchImpl);
  const parsed = bookingSchema.safeParse(body);
  if (!parsed.success)
    throw new OfferEndpointError(`The creator's site answered the booking in a form the companion does not read.`, false);
  if (parsed.data.offer !== request.offer) throw new OfferEndpointError(`The creator's site answered for another offer.`, false);
  return parsed.data;
}

/** A failed exchange as this feature's error; `refused` only for the site's own 4xx answer. */
function exchange(url: string, init: RequestInit, maxBytes: number, fetchImpl: typeof fetch): Promise<unknown> {
  return askCreatorEndpoint(
    url,
    init,
    { maxBytes, timeoutMs: OFFER_LIMITS.timeoutMs, errorChars: OFFER_LIMITS.errorChars },
    fetchImpl,
    (failure) => new OfferEndpointError(failure.sentence, failure.kind === 'refused' && failure.status >= 400 && failure.status < 500),
  );
}
