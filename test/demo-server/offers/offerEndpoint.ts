import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createPublicClient,
  erc20Abi,
  getAddress,
  http,
  isAddressEqual,
  parseEventLogs,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { formatAmount, shortAddress } from '../gates/balances';
import { readCapped, reply } from '../gates/gateEndpoint';
import { NonceBook } from '../gates/nonces';
import { checkSiwe } from '../gates/siweCheck';
import type { DemoOffer } from './alexOffers';

// The creator side of offers, mounted under a path of a creator's site:
//   GET  <base>/nonce   → { nonce }                                   single use, forgotten after 10 minutes
//   POST <base>/book    { offer, txHash, message, signature }       → { offer, reference } or { error }
// The proof (Sign-In with Ethereum, checked with the independent `siwe` package) names the payer;
// the transaction's receipt, read on chain, must carry a Transfer of the token from that payer to
// the offer's recipient of at least the price. A payment books once.

export interface BookingAttempt {
  origin: string;
  /** The offer the body named; '' when none. */
  offer: string;
  txHash?: string;
  /** The account the proof names, once it parsed. */
  address?: Address;
  outcome: 'booked' | 'refused';
  status: number;
  reason?: string;
  reference?: string;
}

export interface OfferEndpointOptions {
  /** The site, e.g. `http://localhost:4101`; its host is the only SIWE domain accepted. */
  origin: string;
  basePath: string;
  offers: readonly DemoOffer[];
  token: { chainId: number; address: Address; symbol: string; decimals: number };
  /** RPC URL per chain id, where receipts are read. */
  rpcUrls: Record<number, string>;
  record(attempt: BookingAttempt): void;
}

export interface OfferEndpoint {
  readonly basePath: string;
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Answers the next `count` bookings with 503 before checking anything (the calendar is down). */
  failNextBookings(count: number): void;
}

interface Refusal {
  status: number;
  reason: string;
}

const SHAPE =
  'The request must be JSON like {"offer": "<offer id>", "txHash": "0x…", "message": "<the signed EIP-4361 text>", "signature": "0x…"}.';

export function createOfferEndpoint(opts: OfferEndpointOptions): OfferEndpoint {
  const nonces = new NonceBook();
  const domain = new URL(opts.origin).host;
  const offers = new Map(opts.offers.map((o) => [o.id, o]));
  const { token } = opts;
  const amount = (n: bigint) => `${formatAmount(n, token.decimals)} ${token.symbol}`;
  /** Payments already used, by lower-case hash → the booking they made. */
  const booked = new Map<string, string>();
  let failing = 0;
  let client: PublicClient | undefined;
  const chain = () => {
    const url = opts.rpcUrls[token.chainId];
    if (!url) throw new Error(`no RPC for chain ${token.chainId}`);
    client ??= createPublicClient({ transport: http(url, { timeout: 5_000, retryCount: 1 }) });
    return client;
  };

  async function book(req: IncomingMessage, attempt: BookingAttempt): Promise<Refusal | { offer: DemoOffer; reference: string }> {
    const raw = await readCapped(req);
    if (raw === null)
      return { status: 413, reason: 'The request is too large; send only the offer, the hash, the message and the signature.' };
    const body = parseBody(raw);
    attempt.offer = body.offer ?? '';
    if ('error' in body) return { status: 400, reason: body.error };
    attempt.txHash = body.txHash;
    const offer = offers.get(body.offer);
    if (!offer) return { status: 404, reason: `There is no offer "${body.offer}" on this site.` };

    const siwe = await checkSiwe(body.message, body.signature, domain, new Date());
    if (siwe.message) attempt.address = getAddress(siwe.message.address);
    if (!siwe.ok) return { status: 401, reason: siwe.reason };
    const message = siwe.message;
    const nonceRefusal = nonces.refusalFor(message.nonce);
    if (nonceRefusal) return { status: 401, reason: nonceRefusal };
    if (message.requestId !== offer.id)
      return {
        status: 401,
        reason: `This sign-in message was signed for ${JSON.stringify(message.requestId ?? '')}, not for the offer "${offer.id}".`,
      };
    if (message.chainId !== token.chainId)
      return {
        status: 401,
        reason: `This sign-in message is for chain ${message.chainId}, but ${token.symbol} is on chain ${token.chainId}.`,
      };
    const payer = getAddress(message.address);

    const earlier = booked.get(body.txHash.toLowerCase());
    if (earlier) return { status: 409, reason: `This payment was already used for booking ${earlier}; a payment books once.` };

    const receipt = await chain()
      .getTransactionReceipt({ hash: body.txHash })
      .catch(() => null);
    if (!receipt) return { status: 404, reason: `There is no mined transaction ${shortHash(body.txHash)} on chain ${token.chainId}.` };
    if (receipt.status !== 'success') return { status: 402, reason: `Transaction ${shortHash(body.txHash)} reverted: it paid nothing.` };
    const transfers = parseEventLogs({ abi: erc20Abi, eventName: 'Transfer', logs: receipt.logs }).filter((log) =>
      isAddressEqual(log.address, token.address),
    );
    const toRecipient = transfers.filter((log) => isAddressEqual(log.args.to, offer.recipient));
    if (toRecipient.length === 0)
      return {
        status: 402,
        reason: `Transaction ${shortHash(body.txHash)} pays no ${token.symbol} to ${shortAddress(offer.recipient)}, who receives payments for "${offer.title}".`,
      };
    const fromPayer = toRecipient.filter((log) => isAddressEqual(log.args.from, payer));
    if (fromPayer.length === 0)
      return {
        status: 403,
        reason: `This payment comes from ${shortAddress(toRecipient[0]!.args.from)}, not from ${shortAddress(payer)}, the account that signed the proof.`,
      };
    const paid = fromPayer.reduce((sum, log) => sum + log.args.value, 0n);
    if (paid < offer.price)
      return { status: 402, reason: `This payment is ${amount(paid)}; "${offer.title}" costs ${amount(offer.price)}.` };

    const reference = `${offer.referencePrefix}-${body.txHash.slice(2, 10).toUpperCase()}`;
    booked.set(body.txHash.toLowerCase(), reference);
    return { offer, reference };
  }

  return {
    basePath: opts.basePath,
    handles: (pathname) => pathname === opts.basePath || pathname.startsWith(`${opts.basePath}/`),
    failNextBookings: (count) => void (failing = count),
    async handle(req, res) {
      const path = new URL(req.url ?? '/', opts.origin).pathname.slice(opts.basePath.length);
      if (path === '/nonce' && req.method === 'GET') return reply(res, 200, { nonce: nonces.issue() });
      if (path !== '/book')
        return reply(res, 404, { error: `Nothing here: use GET ${opts.basePath}/nonce and POST ${opts.basePath}/book.` });
      if (req.method !== 'POST') return reply(res, 405, { error: 'Use POST to book.' }, { Allow: 'POST' });
      const attempt: BookingAttempt = { origin: opts.origin, offer: '', outcome: 'refused', status: 0 };
      if (failing > 0) {
        failing -= 1;
        req.resume();
        const reason = 'The booking calendar is down for a minute; try again.';
        opts.record({ ...attempt, status: 503, reason });
        return reply(res, 503, { error: reason });
      }
      let answer: Refusal | { offer: DemoOffer; reference: string };
      try {
        answer = await book(req, attempt);
      } catch (error) {
        answer = { status: 500, reason: `The site failed to check this booking: ${(error as Error).message}` };
      }
      if ('reason' in answer) {
        opts.record({ ...attempt, status: answer.status, reason: answer.reason });
        return reply(res, answer.status, { error: answer.reason }, answer.status === 413 ? { Connection: 'close' } : {});
      }
      opts.record({ ...attempt, outcome: 'booked', status: 200, reference: answer.reference });
      reply(res, 200, { offer: answer.offer.id, reference: answer.reference });
    },
  };
}

type BookBody = { offer: string; txHash: Hex; message: string; signature: string };

function parseBody(raw: string): BookBody | { offer?: string; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { error: `The request body is not JSON. ${SHAPE}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: SHAPE };
  const { offer, txHash, message, signature } = value as Record<string, unknown>;
  const named = typeof offer === 'string' && offer !== '' ? offer : undefined;
  if (!named || typeof txHash !== 'string' || typeof message !== 'string' || typeof signature !== 'string')
    return { offer: named, error: SHAPE };
  if (!/^0x[0-9a-fA-F]{64}$/.test(txHash)) return { offer: named, error: 'The txHash must be a 0x-prefixed 32-byte hex string.' };
  if (!/^0x(?:[0-9a-fA-F]{2})+$/.test(signature)) return { offer: named, error: 'The signature must be a 0x-prefixed hex string.' };
  return { offer: named, txHash: txHash as Hex, message, signature };
}

function shortHash(hash: string): string {
  return `${hash.slice(0, 10)}…`;
}
