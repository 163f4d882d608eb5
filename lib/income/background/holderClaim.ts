import type { Address, Hex } from 'viem';
import { database } from '@/lib/db/database';
import type { ClaimsCacheRow } from '@/lib/db/rows';
import { fetchCappedBytes } from '@/lib/net/fetchCapped';
import { CLAIMS_FILE_FETCH_TIMEOUT_MS, ClaimsFileError, lookupClaim, MAX_CLAIMS_FILE_BYTES, type CachedClaimLookup, type ClaimsCacheStore } from '@/lib/income/core';

/** A claims file does not change under its URL often; a popup opening need not download it. */
const REFETCH_AFTER_MS = 15 * 60_000;

const dexieClaimsCache: ClaimsCacheStore = {
  async get(fileHash, account) {
    const row = await database().claimsCache.get([fileHash, account.toLowerCase()]);
    if (!row) return undefined;
    return {
      fileHash: row.fileHash as Hex,
      account,
      fileRoot: row.fileRoot as Hex,
      claim: row.claim && { index: BigInt(row.claim.index), account, amount: BigInt(row.claim.amount), proof: row.claim.proof as Hex[] },
    };
  },
  async put(entry) {
    const row: ClaimsCacheRow = {
      fileHash: entry.fileHash,
      account: entry.account.toLowerCase(),
      fileRoot: entry.fileRoot,
      claim: entry.claim && { index: entry.claim.index.toString(), amount: entry.claim.amount.toString(), proof: entry.claim.proof },
      cachedAt: Date.now(),
    };
    await database().claimsCache.put(row);
  },
};

/**
 * The holder's entry in a round's claims file: from the cache when the file was seen lately,
 * else fetched (size-capped, with a timeout), scanned and cached under its content hash.
 * Whatever comes back is proof-checked against the chain before it is shown or sent.
 */
export async function holderClaim(url: string, account: Address): Promise<CachedClaimLookup> {
  const db = database();
  const known = await db.claimsFiles.get(url);
  if (known && Date.now() - known.fetchedAt < REFETCH_AFTER_MS) {
    const cached = await dexieClaimsCache.get(known.fileHash as Hex, account);
    if (cached) return cached;
  }
  const entry = await lookupClaim(dexieClaimsCache, await fetchClaimsFile(url), account);
  await db.claimsFiles.put({ url, fileHash: entry.fileHash, fetchedAt: Date.now() });
  return entry;
}

async function fetchClaimsFile(url: string): Promise<Uint8Array> {
  const result = await fetchCappedBytes(url, { maxBytes: MAX_CLAIMS_FILE_BYTES, timeoutMs: CLAIMS_FILE_FETCH_TIMEOUT_MS });
  if (!result.ok) throw new ClaimsFileError(`The claims file could not be read: ${result.error}. (The site must allow cross-origin reads.)`);
  return result.bytes;
}
