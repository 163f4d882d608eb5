import type { Hex } from 'viem';
import { ClaimProofError } from './errors';
import type { Claim } from './findClaim';
import { claimLeaf, processProof } from './merkle';
import { lowerHex } from '@/lib/chain/lowerHex';

declare const verified: unique symbol;
/** A claim whose proof hashes to the distributor's on-chain root: the only kind a claim call is built from. */
export type VerifiedClaim = Claim & { readonly merkleRoot: Hex; readonly [verified]: true };

export type VerifyClaimProofReturnType = { valid: true; claim: VerifiedClaim } | { valid: false; error: ClaimProofError };

/**
 * Checks the holder's entry against the root read from the distributor (never the file's own
 * `merkleRoot`, which comes with the file and proves nothing). The leaf commits to index,
 * account and amount, so a changed amount, index or proof all fail here.
 */
export function verifyClaimProof(claim: Claim, onChainRoot: Hex): VerifyClaimProofReturnType {
  const root = lowerHex(onChainRoot);
  const computed = processProof(claimLeaf(claim.index, claim.account, claim.amount), claim.proof);
  if (computed.toLowerCase() !== root) return { valid: false, error: new ClaimProofError(claim.account, root) };
  return { valid: true, claim: { ...claim, merkleRoot: root } as VerifiedClaim };
}

/** Same check, throwing the holder-facing error. */
export function assertClaimProof(claim: Claim, onChainRoot: Hex): VerifiedClaim {
  const result = verifyClaimProof(claim, onChainRoot);
  if (!result.valid) throw result.error;
  return result.claim;
}
