import type { Address, Hex } from 'viem';
import { shortAddress } from '@/lib/format/format';
import { BaseError } from '@/lib/errors/baseError';

// Errors a holder reads in the popup: each says what happened and that nothing was sent, so the
// popup can show `message` as is. `details` keeps the technical part for logs.

export class IncomeError extends BaseError {
  override name = 'IncomeError';
  constructor(message: string, details?: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, { code: 'income', details, ...options });
  }
}

/** The claims file is not one: too big, not JSON, or not in the merkle-distributor format. */
export class ClaimsFileError extends IncomeError {
  override name = 'ClaimsFileError';
  constructor(message: string, details?: string, options: { cause?: unknown } = {}) {
    super(message, details, { code: 'income.claims-file', ...options });
  }
}

/** The holder's entry does not hash up to the distributor's on-chain root. */
export class ClaimProofError extends IncomeError {
  override name = 'ClaimProofError';
  constructor(
    readonly account: Address,
    readonly merkleRoot: Hex,
  ) {
    super(
      `The claims file's entry for ${shortAddress(account)} does not match what this round's contract holds on chain, so the file may have been altered. Nothing was sent; ask the creator to check the claims file.`,
      `on-chain merkleRoot ${merkleRoot}`,
      { code: 'income.claim-proof' },
    );
  }
}
