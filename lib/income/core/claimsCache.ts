import type { Address, Hex } from 'viem';
import type { Claim } from './findClaim';
import { findClaimInText, scanClaimsFile } from './scanClaimsFile';

// Parsing a big claims file costs most of a second; its content never changes for a given hash.
// The holder's entry (or the fact that they have none) is cached under (file hash, account); the
// background backs `ClaimsCacheStore` with a Dexie table keyed [fileHash+account]. Every cached entry
// is still proof-checked against the on-chain root on use, so a poisoned cache cannot send.

export interface CachedClaimLookup {
  fileHash: Hex;
  account: Address;
  /** The root the file says it is for (compared with the chain's to explain a mismatch). */
  fileRoot: Hex;
  /** Null: the file does not list this account. */
  claim: Claim | null;
}

export interface ClaimsCacheStore {
  get(fileHash: Hex, account: Address): Promise<CachedClaimLookup | undefined>;
  put(entry: CachedClaimLookup): Promise<void>;
}

/** SHA-256 of the bytes as fetched (WebCrypto: native speed for 100+ MB, in workers and Node). */
export async function claimsFileHash(bytes: Uint8Array): Promise<Hex> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `0x${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Cached lookup only: what the popup uses when the file's hash is already known. */
export function lookupCachedClaim(store: ClaimsCacheStore, fileHash: Hex, account: Address): Promise<CachedClaimLookup | undefined> {
  return store.get(fileHash, account);
}

/**
 * A freshly fetched file: hash it (WebCrypto, off the main thread) while the holder's entry is
 * scanned for, then cache the answer under the hash. With the hash already known (the background keeps
 * it per claims URL), use lookupCachedClaim and skip the bytes altogether.
 */
export async function lookupClaim(store: ClaimsCacheStore | null, bytes: Uint8Array, account: Address): Promise<CachedClaimLookup> {
  const hashing = claimsFileHash(bytes);
  let fileRoot: Hex;
  let claim: Claim | null;
  try {
    const file = scanClaimsFile(bytes);
    fileRoot = file.merkleRoot;
    claim = findClaimInText(file, account);
  } catch (error) {
    await hashing.catch(() => undefined);
    throw error;
  }
  const entry: CachedClaimLookup = { fileHash: await hashing, account, fileRoot, claim };
  await store?.put(entry);
  return entry;
}

/** A Map-backed store for tests and the bench (the extension uses Dexie). */
export function memoryClaimsCache(): ClaimsCacheStore {
  const entries = new Map<string, CachedClaimLookup>();
  const key = (hash: Hex, account: Address) => `${hash}:${account.toLowerCase()}`;
  return {
    get: async (hash, account) => entries.get(key(hash, account)),
    put: async (entry) => void entries.set(key(entry.fileHash, entry.account), entry),
  };
}
