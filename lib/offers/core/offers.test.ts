import { describe, expect, test } from 'vitest';
import { buildSiweMessage, parseSiweMessage } from '@/lib/gates/core/siwe';
import { OFFER_LIMITS, fetchOfferNonce, offerUrl, postOfferBooking } from './offerEndpoint';
import { offerProofFields } from './offerProof';
import { offersOf } from './offersOf';
import { redemptionStatusText } from './redemptionText';

const request = { offer: 'hour', txHash: `0x${'ab'.repeat(32)}`, message: 'm', signature: '0x12' };
const answering =
  (status: number, body: string): typeof fetch =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } });

describe('the booking endpoint, as the companion calls it', () => {
  test('routes under the endpoint, with or without a trailing slash', () => {
    expect(offerUrl('https://alex.example/api/offers', 'book')).toBe('https://alex.example/api/offers/book');
    expect(offerUrl('https://alex.example/api/offers/', 'nonce')).toBe('https://alex.example/api/offers/nonce');
  });

  test('a booking reference for this offer is read; anything else is refused in a sentence', async () => {
    expect(await postOfferBooking('https://a.example/o', request, answering(200, '{"offer":"hour","reference":"HOUR-1A2B"}'))).toEqual({
      offer: 'hour',
      reference: 'HOUR-1A2B',
    });
    await expect(postOfferBooking('https://a.example/o', request, answering(200, '{"offer":"other","reference":"X"}'))).rejects.toThrow(
      "The creator's site answered for another offer.",
    );
    await expect(
      postOfferBooking('https://a.example/o', request, answering(200, '{"offer":"hour","reference":"line\\nbreak"}')),
    ).rejects.toThrow('in a form the companion does not read');
    await expect(
      postOfferBooking('https://a.example/o', request, answering(402, '{"error":"This payment is 100 ALEX.\\u0000"}')),
    ).rejects.toMatchObject({ message: "The creator's site refused: This payment is 100 ALEX.", refused: true });
    await expect(
      postOfferBooking(
        'https://a.example/o',
        request,
        answering(200, JSON.stringify({ offer: 'hour', reference: 'x'.repeat(OFFER_LIMITS.bookingBytes) })),
      ),
    ).rejects.toThrow("The creator's site sent more than 4 KiB.");
    await expect(fetchOfferNonce('https://a.example/o', answering(200, '{"nonce":"short"}'))).rejects.toThrow('unusable nonce');
  });
});

test('the proof names the offer in Request ID and says what is paid, on one valid line', () => {
  const fields = offerProofFields({
    domain: 'alex.example',
    uri: 'https://alex.example',
    address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    chainId: 1,
    nonce: 'abcdefgh12345678',
    offer: { id: 'hour', title: 'An hour of “Alex’s” time\nInjected: line' },
    priceText: '25,000 ALEX',
    now: new Date('2026-01-01T00:00:00Z'),
  });
  const parsed = parseSiweMessage(buildSiweMessage(fields));
  expect(parsed).toMatchObject({ requestId: 'hour', expirationTime: '2026-01-01T01:00:00.000Z' });
  expect(parsed.statement).toBe("Book 'An hour of 'Alex's' time Injected: line' on alex.example: I pay 25,000 ALEX from this account.");
});

test('manifests stored before offers existed have none; statuses read as words', () => {
  expect(offersOf(null)).toEqual([]);
  expect(offersOf({ offers: undefined } as never)).toEqual([]);
  expect(redemptionStatusText({ status: 'booked', reference: 'HOUR-1' })).toBe('Booked · HOUR-1');
  expect(redemptionStatusText({ status: 'booking-failed', reference: null })).toBe('Paid, not booked yet');
});
