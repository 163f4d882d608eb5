import type { Address } from 'viem';
import type { CompanionDatabase } from '@/lib/db/database';
import { fetchCappedBytes } from '@/lib/net/fetchCapped';
import {
  CLAIMS_FILE_FETCH_TIMEOUT_MS,
  ClaimsFileError,
  lookupClaim,
  MAX_CLAIMS_FILE_BYTES,
  type CachedClaimLookup,
} from '@/lib/income/core';
import { claimsCacheStore, claimsFileSeen, rememberClaimsFile } from '@/lib/income/claimsCacheRepository';

/** A claims file does not change under its URL often; a popup opening need not download it. */
const REFETCH_AFTER_MS = 15 * 60_000;

/**
 * The holder's entry in a round's claims file: from the cache when the file was seen lately,
 * else fetched (size-capped, with a timeout), scanned and cached under its content hash.
 * Whatever comes back is proof-checked against the chain before it is shown or sent.
 */
export async function holderClaim(db: CompanionDatabase, url: string, account: Address): Promise<CachedClaimLookup> {
  const cache = claimsCacheStore(db);
  const known = await claimsFileSeen(db, url);
  if (known && Date.now() - known.fetchedAt < REFETCH_AFTER_MS) {
    const cached = await cache.get(known.fileHash, account);
    if (cached) return cached;
  }
  const entry = await lookupClaim(cache, await fetchClaimsFile(url), account);
  await rememberClaimsFile(db, { url, fileHash: entry.fileHash, fetchedAt: Date.now() });
  return entry;
}

async function fetchClaimsFile(url: string): Promise<Uint8Array> {
  const result = await fetchCappedBytes(url, { maxBytes: MAX_CLAIMS_FILE_BYTES, timeoutMs: CLAIMS_FILE_FETCH_TIMEOUT_MS });
  if (!result.ok)
    throw new ClaimsFileError(`The claims file could not be read: ${result.error}. (The site must allow cross-origin reads.)`);
  return result.bytes;
}
