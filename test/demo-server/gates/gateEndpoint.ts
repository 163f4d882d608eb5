import type { IncomingMessage, ServerResponse } from 'node:http';
import { getAddress, type Address } from 'viem';
import type { BalanceReader } from './balances';
import { formatAmount, shortAddress } from './balances';
import { NonceBook } from './nonces';
import { checkSiwe } from './siweCheck';
import type { DemoGate, GateAttempt } from './types';

// The creator side of gated unlocks, mounted under a path of a creator's site:
//   GET  <base>/nonce    → { nonce }                      single use, forgotten after 10 minutes
//   POST <base>/unlock   { gate, message, signature }     → { gate, kind, content } or { error }
// No CORS headers: the extension's background calls it with host permissions, and a page on
// another origin has no business reading it.

export const MAX_UNLOCK_BODY = 16 * 1024;

export interface GateEndpointOptions {
  /** The site, e.g. `http://localhost:4101`; its host is the only SIWE domain accepted. */
  origin: string;
  basePath: string;
  gates: readonly DemoGate[];
  token: { chainId: number; address: Address; symbol: string; decimals: number };
  readBalance: BalanceReader;
  record(attempt: GateAttempt): void;
  now?: () => number;
}

export interface GateEndpoint {
  readonly basePath: string;
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

interface Refusal {
  status: number;
  reason: string;
}

export function createGateEndpoint(opts: GateEndpointOptions): GateEndpoint {
  const now = opts.now ?? Date.now;
  const nonces = new NonceBook({ now });
  const domain = new URL(opts.origin).host;
  const gates = new Map(opts.gates.map((g) => [g.id, g]));
  const { token } = opts;
  const amount = (n: bigint) => `${formatAmount(n, token.decimals)} ${token.symbol}`;

  async function unlock(req: IncomingMessage, attempt: GateAttempt): Promise<Refusal | DemoGate> {
    const raw = await readCapped(req);
    if (raw === null)
      return {
        status: 413,
        reason: `The request is larger than ${MAX_UNLOCK_BODY / 1024} KiB; send only the gate, the message and the signature.`,
      };
    const body = parseBody(raw);
    attempt.gate = body.gate ?? '';
    if ('error' in body) return { status: 400, reason: body.error };
    const gate = gates.get(body.gate);
    if (!gate) return { status: 404, reason: `There is no gate "${body.gate}" on this site.` };

    const siwe = await checkSiwe(body.message, body.signature, domain, new Date(now()));
    if (siwe.message) {
      attempt.siweDomain = siwe.message.domain;
      attempt.address = getAddress(siwe.message.address);
    }
    if (!siwe.ok) return { status: 401, reason: siwe.reason };
    const message = siwe.message;
    const nonceRefusal = nonces.refusalFor(message.nonce);
    if (nonceRefusal) return { status: 401, reason: nonceRefusal };
    if (message.requestId !== gate.id) {
      const signedFor = message.requestId === undefined ? 'no gate (its Request ID is missing)' : `"${message.requestId}"`;
      return { status: 401, reason: `This sign-in message was signed for ${signedFor}, not for "${gate.id}"; sign again for this gate.` };
    }
    if (message.chainId !== token.chainId) {
      return {
        status: 401,
        reason: `This sign-in message is for chain ${message.chainId}, but ${token.symbol} is on chain ${token.chainId}.`,
      };
    }
    // A gate open to everyone needs no chain read.
    if (gate.minBalance > 0n) {
      let balance: bigint;
      try {
        balance = await opts.readBalance(token.chainId, token.address, attempt.address!);
      } catch {
        return {
          status: 503,
          reason: `This site could not read ${token.symbol} balances on chain ${token.chainId} right now; try again in a minute.`,
        };
      }
      if (balance < gate.minBalance) {
        return {
          status: 403,
          reason: `You need ${amount(gate.minBalance)} to unlock "${gate.title}"; ${shortAddress(attempt.address!)} holds ${amount(balance)}.`,
        };
      }
    }
    return gate;
  }

  const endpoint: GateEndpoint = {
    basePath: opts.basePath,
    handles: (pathname) => pathname === opts.basePath || pathname.startsWith(`${opts.basePath}/`),
    async handle(req, res) {
      const path = new URL(req.url ?? '/', opts.origin).pathname.slice(opts.basePath.length);
      if (path === '/nonce' && req.method === 'GET') return reply(res, 200, { nonce: nonces.issue() });
      if (path !== '/unlock')
        return reply(res, 404, { error: `Nothing here: use GET ${opts.basePath}/nonce and POST ${opts.basePath}/unlock.` });
      if (req.method !== 'POST') return reply(res, 405, { error: `Use POST to unlock.` }, { Allow: 'POST' });
      const attempt: GateAttempt = { origin: opts.origin, gate: '', outcome: 'refused', status: 0 };
      let answer: Refusal | DemoGate;
      try {
        answer = await unlock(req, attempt);
      } catch (error) {
        answer = { status: 500, reason: `The site failed to check this unlock: ${(error as Error).message}` };
      }
      if ('reason' in answer) {
        opts.record({ ...attempt, status: answer.status, reason: answer.reason });
        return reply(res, answer.status, { error: answer.reason }, answer.status === 413 ? { Connection: 'close' } : {});
      }
      opts.record({ ...attempt, outcome: 'unlocked', status: 200 });
      reply(res, 200, { gate: answer.id, kind: answer.kind, content: answer.content });
    },
  };
  return endpoint;
}

export function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * The body as text, or null once it passes the cap. The rest is drained unread (not destroyed:
 * the refusal still has to reach the client), and the 413 closes the connection.
 */
export function readCapped(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_UNLOCK_BODY) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_UNLOCK_BODY) return;
      size += chunk.length;
      if (size <= MAX_UNLOCK_BODY) return void chunks.push(chunk);
      chunks.length = 0;
      resolve(null);
    });
    req.on('end', () => resolve(size > MAX_UNLOCK_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const SHAPE = 'The request must be JSON like {"gate": "<gate id>", "message": "<the signed EIP-4361 text>", "signature": "0x…"}.';

type UnlockBody = { gate: string; message: string; signature: string };

/** The body's three fields, or why not (with the gate it named, if any, for the record). */
function parseBody(raw: string): UnlockBody | { gate?: string; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { error: `The request body is not JSON. ${SHAPE}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: SHAPE };
  const { gate, message, signature } = value as Record<string, unknown>;
  const named = typeof gate === 'string' && gate !== '' ? gate : undefined;
  if (!named || typeof message !== 'string' || typeof signature !== 'string') return { gate: named, error: SHAPE };
  if (!/^0x(?:[0-9a-fA-F]{2})+$/.test(signature)) return { gate: named, error: 'The signature must be a 0x-prefixed hex string.' };
  return { gate: named, message, signature };
}
