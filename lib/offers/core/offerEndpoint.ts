import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { readAtMost } from '@/lib/net/fetchCapped';
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

async function exchange(url: string, init: RequestInit, maxBytes: number, fetchImpl: typeof fetch): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), OFFER_LIMITS.timeoutMs);
  try {
    const res = await fetchImpl(url, { ...init, signal: controller.signal, credentials: 'omit', redirect: 'error', cache: 'no-store' });
    const bytes = await readAtMost(res, maxBytes);
    if (!bytes) throw new OfferEndpointError(`The creator's site sent more than ${Math.round(maxBytes / 1024)} KiB.`, false);
    const json = parseJson(new TextDecoder().decode(bytes));
    if (!res.ok) throw new OfferEndpointError(refusalText(json, res.status), res.status >= 400 && res.status < 500);
    if (json === undefined) throw new OfferEndpointError(`The creator's site did not answer with JSON.`, false);
    return json;
  } catch (error) {
    if (error instanceof OfferEndpointError) throw error;
    if (controller.signal.aborted)
      throw new OfferEndpointError(`The creator's site did not answer within ${OFFER_LIMITS.timeoutMs / 1000} s.`, false);
    throw new OfferEndpointError(`Could not reach the creator's site (${new URL(url).host}).`, false);
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The server's own sentence (plain text, capped), or the status when it gave none. */
function refusalText(json: unknown, status: number): string {
  const error = typeof json === 'object' && json !== null && 'error' in json ? json.error : undefined;
  if (typeof error !== 'string' || !error.trim()) return `The creator's site refused (HTTP ${status}).`;
  const clean = error
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, OFFER_LIMITS.errorChars);
  return `The creator's site refused: ${clean}`;
}
