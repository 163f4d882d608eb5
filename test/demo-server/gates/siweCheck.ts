import { SiweErrorType, SiweMessage, type SiweError } from 'siwe';
import { shortAddress } from './balances';

// The independent verifier: the `siwe` package (spruceid's reference implementation), not the
// extension's own code. Each failure becomes one sentence a person can act on.

export type SiweCheck = { ok: true; message: SiweMessage } | { ok: false; message?: SiweMessage; reason: string };

export async function checkSiwe(text: string, signature: string, domain: string, now: Date): Promise<SiweCheck> {
  let message: SiweMessage;
  try {
    message = new SiweMessage(text);
  } catch (error) {
    // The parser names the line for some mistakes ("line 2: invalid EIP-55 address - …"); keep that part.
    const line = /^line \d+: [^\n]{1,160}/.exec(error instanceof Error ? error.message : '')?.[0];
    return {
      ok: false,
      reason: `The message is not a Sign-In with Ethereum (EIP-4361) message${line ? ` (${line})` : ''}; sign the message the companion builds.`,
    };
  }
  // siwe checks the signature over its own re-serialization of the message; a text that does not
  // read back identically would fail as a bad signature, which would hide the real problem.
  const canonical = message.prepareMessage();
  if (canonical !== text) {
    const line = firstDifferentLine(canonical, text);
    return {
      ok: false,
      message,
      reason: `The sign-in message is not laid out exactly as EIP-4361 writes it (line ${line} differs); build it field by field in the standard order.`,
    };
  }
  // The nonce passed here is the message's own: no cookie session ties one nonce to the caller,
  // so the caller (gateEndpoint) checks it against the nonces this server issued right after.
  const result = await message.verify({ signature, domain, nonce: message.nonce, time: now.toISOString() }, { suppressExceptions: true });
  if (result.success) return { ok: true, message };
  return { ok: false, message, reason: explain(result.error, message, domain) };
}

function explain(error: SiweError | Error | undefined, message: SiweMessage, domain: string): string {
  const type = error && 'type' in error ? error.type : undefined;
  switch (type) {
    case SiweErrorType.DOMAIN_MISMATCH:
      return `This sign-in message is for ${message.domain}, not for this site (${domain}); a site only accepts proofs signed for its own domain.`;
    case SiweErrorType.EXPIRED_MESSAGE:
      return `This sign-in message expired at ${message.expirationTime}; sign a new one.`;
    case SiweErrorType.NOT_YET_VALID_MESSAGE:
      return `This sign-in message is not valid before ${message.notBefore}; sign a new one.`;
    case SiweErrorType.INVALID_SIGNATURE:
      return `The signature was not made by ${shortAddress(message.address)}, the account the sign-in message names.`;
    case undefined:
      return `The sign-in message could not be checked: ${error instanceof Error ? error.message : 'unknown error'}.`;
    default:
      return `The sign-in message was refused: ${type}`;
  }
}

function firstDifferentLine(a: string, b: string): number {
  const [x, y] = [a.split('\n'), b.split('\n')];
  const i = x.findIndex((line, n) => line !== y[n]);
  return (i === -1 ? x.length : i) + 1;
}
