import type { SignerCache } from './core/checkEnvelope';
import { MAX_BATCH, MAX_KNOWN, type SignerEntry } from './tallyWorkersContract';

// How a tally's envelopes are cut into messages for the offscreen document's workers, and which
// signers already recovered go with each. Pure: unit-tested in tallyBatches.test.ts.

/** Under this many envelopes a message is not worth its round trip. */
export const MIN_BATCH = 25;

/**
 * Envelopes per message: about four per worker, so a slow worker is not left with a quarter of
 * the tally while the others wait, never over MAX_BATCH (one message is cloned in one go on the
 * service worker's thread) nor under MIN_BATCH.
 */
export function batchSizeFor(count: number, threads: number): number {
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, Math.ceil(count / (Math.max(1, threads) * 4))));
}

/** Consecutive slices of at most `size`, in order; none empty. */
export function splitBatches<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`a batch holds at least one item, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An envelope's signature, lower-cased as the cache keys hold it, if it has one. */
export function envelopeSignature(envelope: unknown): string | undefined {
  if (typeof envelope !== 'object' || envelope === null || !('sig' in envelope)) return undefined;
  return typeof envelope.sig === 'string' ? envelope.sig.toLowerCase() : undefined;
}

/** A cache key is the vote's id (a 32-byte hash, 66 characters) followed by the signature. */
const ID_LENGTH = 66;

/**
 * The signer cache by signature, so a batch carries only the entries its envelopes can use
 * (the key's vote id is the envelope's hash, which only the worker computes).
 */
export class SignerIndex {
  private readonly bySignature = new Map<string, SignerEntry[]>();

  constructor(private readonly cache: SignerCache) {
    for (const [key, signer] of cache) this.index(key, signer);
  }

  /** The cached entries for these envelopes' signatures, at most `max` (the rest is recovered again). */
  knownFor(envelopes: readonly unknown[], max = MAX_KNOWN): SignerEntry[] {
    const out: SignerEntry[] = [];
    for (const envelope of envelopes) {
      const sig = envelopeSignature(envelope);
      const entries = sig === undefined ? undefined : this.bySignature.get(sig);
      if (entries) out.push(...entries);
    }
    return out.slice(0, max);
  }

  /** Signers a worker recovered: into the cache (saved after the tally) and the index. */
  learn(entries: readonly SignerEntry[]): void {
    for (const [key, signer] of entries) {
      if (this.cache.has(key)) continue;
      this.cache.set(key, signer);
      this.index(key, signer);
    }
  }

  private index(key: string, signer: SignerEntry[1]): void {
    const sig = key.slice(ID_LENGTH);
    const entries = this.bySignature.get(sig);
    if (entries) entries.push([key, signer]);
    else this.bySignature.set(sig, [[key, signer]]);
  }
}
