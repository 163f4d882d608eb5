import { BaseError } from '@/lib/errors/baseError';

/**
 * Why a SIWE message was refused. `bad-*` means the text or fields break EIP-4361; the
 * `*-mismatch`, `expired` and `not-yet-valid` reasons mean a well-formed message that is not for us
 * (or not now); `bad-expectation` means the caller passed something unusable.
 */
export type SiweReason =
  | 'bad-structure'
  | 'bad-scheme'
  | 'bad-domain'
  | 'bad-address'
  | 'bad-statement'
  | 'bad-uri'
  | 'bad-version'
  | 'bad-chain-id'
  | 'bad-nonce'
  | 'bad-time'
  | 'bad-request-id'
  | 'bad-resource'
  | 'bad-expectation'
  | 'domain-mismatch'
  | 'scheme-mismatch'
  | 'nonce-mismatch'
  | 'address-mismatch'
  | 'chain-mismatch'
  | 'uri-mismatch'
  | 'expired'
  | 'not-yet-valid'
  | 'malformed-signature'
  | 'signature-mismatch';

/** The one error lib/gates/core/siwe throws; `message` is a sentence, `reason` is for code. */
export class SiweError extends BaseError {
  override readonly name = 'SiweError';
  constructor(
    readonly reason: SiweReason,
    message: string,
  ) {
    super(message, { code: `siwe.${reason}` });
  }
}
