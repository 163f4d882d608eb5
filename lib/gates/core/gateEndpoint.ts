import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { askCreatorEndpoint, type EndpointFailure } from '@/lib/net/askCreatorEndpoint';
import { BaseError, type BaseErrorOptions } from '@/lib/errors/baseError';

// The creator's side of a gate (README, "For creators"): `GET <endpoint>/nonce` gives a one-time
// nonce; `POST <endpoint>/unlock` with the signed proof gives the content, or `{error}` with a
// sentence. Both answers are size-capped and schema-checked: the server may be hostile too.

export const GATE_LIMITS = {
  nonceBytes: 1024,
  contentBytes: 256 * 1024,
  timeoutMs: 15_000,
  errorChars: 300,
} as const;

const nonceSchema = z.object({ nonce: z.string().regex(/^[A-Za-z0-9]{8,96}$/, 'the nonce must be 8 to 96 letters and digits') });

const unlockedSchema = z.object({
  gate: z.string().max(100),
  kind: z.enum(['post', 'link', 'code']),
  content: z.string().min(1).max(GATE_LIMITS.contentBytes),
});
export type UnlockedContent = z.infer<typeof unlockedSchema>;

/** A refusal or failure of the creator's server, as a sentence for the holder. */
export class GateEndpointError extends BaseError {
  override name = 'GateEndpointError';
  constructor(message: string, options: BaseErrorOptions = {}) {
    super(message, { code: 'gates.endpoint', ...options });
  }
}

/** `<endpoint>/<action>`, whether or not the endpoint ends with a slash. */
export function gateUrl(endpoint: string, action: 'nonce' | 'unlock'): string {
  const base = new URL(endpoint);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/${action}`;
  base.hash = '';
  return base.href;
}

export async function fetchGateNonce(endpoint: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const body = await exchange(gateUrl(endpoint, 'nonce'), { method: 'GET' }, GATE_LIMITS.nonceBytes, fetchImpl);
  const parsed = nonceSchema.safeParse(body);
  if (!parsed.success)
    throw new GateEndpointError(
      `The creator's site gave an unusable nonce (${parsed.error.issues[0]?.message ?? 'bad answer'}). Nothing was signed.`,
    );
  return parsed.data.nonce;
}

export async function postGateUnlock(
  endpoint: string,
  proof: { gate: string; message: string; signature: string },
  fetchImpl: typeof fetch = fetch,
): Promise<UnlockedContent> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(proof) };
  const body = await exchange(gateUrl(endpoint, 'unlock'), init, GATE_LIMITS.contentBytes + 4096, fetchImpl);
  const parsed = unlockedSchema.safeParse(body);
  if (!parsed.success) throw new GateEndpointError(`The creator's site answered in a form the companion does not read. Nothing is shown.`);
  if (parsed.data.gate !== proof.gate) throw new GateEndpointError(`The creator's site answered for another gate. Nothing is shown.`);
  return parsed.data;
}

/** A failed exchange as this feature's error, saying what the holder sees and whether to retry. */
function exchange(url: string, init: RequestInit, maxBytes: number, fetchImpl: typeof fetch): Promise<unknown> {
  const after: Record<EndpointFailure['kind'], string> = {
    'too-large': ' Nothing is shown.',
    'not-json': ' Nothing is shown.',
    refused: '',
    timeout: ' Try again later.',
    unreachable: ' Try again later.',
  };
  return askCreatorEndpoint(
    url,
    init,
    { maxBytes, timeoutMs: GATE_LIMITS.timeoutMs, errorChars: GATE_LIMITS.errorChars },
    fetchImpl,
    (failure) => new GateEndpointError(failure.sentence + after[failure.kind]),
  );
}
