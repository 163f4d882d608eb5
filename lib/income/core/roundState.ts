import { isAddressEqual, type Address } from 'viem';
import { shortAddress } from '@/lib/format/format';
import type { DistributionReading } from './distributionReads';
import type { Claim } from './findClaim';
import { verifyClaimProof, type VerifiedClaim } from './verifyClaimProof';

/** What the popup shows for one round, decided from the file lookup and the chain reads together. */
export type RoundState =
  | { status: 'claimable'; claim: VerifiedClaim }
  | { status: 'claimed'; claim: VerifiedClaim }
  | { status: 'not-eligible' }
  /** Something does not add up; `message` is for the holder and nothing may be sent. */
  | { status: 'refused'; message: string }
  /** The chain could not be read this time; try again on the next refresh. */
  | { status: 'unavailable'; message: string };

export interface RoundStateParameters {
  /** findClaim's answer: null = the file does not list the holder. */
  claim: Claim | null;
  reading: DistributionReading;
  /** The token the manifest says the round pays (the creator's token unless `token` is set). */
  expectedToken: Address;
}

export function roundState({ claim, reading, expectedToken }: RoundStateParameters): RoundState {
  if (reading.merkleRoot === null || reading.token === null) {
    return { status: 'unavailable', message: 'The distributor could not be read; the round will be checked again on the next refresh.' };
  }
  // A manifest could name a real distributor of some other token; the holder would claim
  // something other than what the popup shows.
  if (!isAddressEqual(reading.token, expectedToken)) {
    return {
      status: 'refused',
      message: `This round's contract pays the token ${shortAddress(reading.token)}, not ${shortAddress(expectedToken)} as the creator's manifest says. Nothing will be sent; ask the creator to check the manifest.`,
    };
  }
  if (claim === null) return { status: 'not-eligible' };
  const checked = verifyClaimProof(claim, reading.merkleRoot);
  if (!checked.valid) return { status: 'refused', message: checked.error.message };
  if (reading.isClaimed === null)
    return { status: 'unavailable', message: 'Whether this round was already claimed could not be read; try again shortly.' };
  return { status: reading.isClaimed ? 'claimed' : 'claimable', claim: checked.claim };
}
