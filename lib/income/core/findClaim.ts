import { getAddress, isAddress, type Address, type Hex } from 'viem';
import { claimEntrySchema, describeIssues, type ParsedClaimsFile } from './claimsFile';
import { ClaimsFileError } from './errors';
import { lowerHex } from '@/lib/chain/lowerHex';

/** One holder's entry, decoded: what `claim(index, account, amount, proof)` takes. */
export interface Claim {
  index: bigint;
  account: Address;
  amount: bigint;
  proof: Hex[];
}

function entryFor(file: ParsedClaimsFile, account: Address): unknown {
  const { claims } = file;
  const has = (key: string) => Object.hasOwn(claims, key);
  // Uniswap's script writes checksummed keys; other tools write lowercase. Try both in O(1),
  // and only scan when neither is there (a holder not in the round pays for one pass).
  if (has(account)) return claims[account];
  const lower = account.toLowerCase();
  if (has(lower)) return claims[lower];
  for (const key of Object.keys(claims)) if (key.toLowerCase() === lower) return claims[key];
  return undefined;
}

/** The holder's entry, or null when the file does not list them (not part of the round). */
export function findClaim(file: ParsedClaimsFile, account: string): Claim | null {
  if (!isAddress(account, { strict: false })) throw new ClaimsFileError(`${account} is not an address.`);
  const checksummed = getAddress(account);
  const raw = entryFor(file, checksummed);
  if (raw === undefined) return null;
  const entry = claimEntrySchema.safeParse(raw);
  if (!entry.success) {
    throw new ClaimsFileError(
      `The claims file's entry for ${checksummed} is malformed; ask the creator to check it. Nothing was sent.`,
      describeIssues(entry.error),
    );
  }
  const { index, amount, proof } = entry.data;
  return { index: BigInt(index), account: checksummed, amount: BigInt(amount), proof: proof.map(lowerHex) };
}
