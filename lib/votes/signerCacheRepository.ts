import type { CompanionDatabase } from '../db/database';
import type { SignerCache } from './core/checkEnvelope';

// Signers recovered by verified tallies, kept in IndexedDB: a signature over a given hash has one
// signer forever, so a re-check of a proposal (even after the worker or the browser restarted)
// recovers only the votes it has not seen. Bounded: past MAX_STORED_SIGNERS the oldest go.

export const MAX_STORED_SIGNERS = 200_000;
const SAVE_CHUNK = 1_000;

export interface StoredSigners {
  /** What earlier tallies of the proposal recovered; the tally adds to it. */
  cache: SignerCache;
  /** Writes what was added since it was loaded; returns how many. */
  save(at?: number): Promise<number>;
}

export async function loadSigners(db: CompanionDatabase, proposalId: string, maxStored = MAX_STORED_SIGNERS): Promise<StoredSigners> {
  const rows = await db.voteSigners.where('proposalId').equals(proposalId).toArray();
  const cache: SignerCache = new Map(rows.map((r) => [r.key, r.signer]));
  const stored = new Set(cache.keys());
  return {
    cache,
    async save(at = Date.now()) {
      const fresh = [...cache].filter(([key]) => !stored.has(key)).map(([key, signer]) => ({ key, proposalId, signer, seenAt: at }));
      if (fresh.length === 0) return 0;
      // In chunks: one bulkPut of 10,000 rows clones them all in one go on the service worker's thread.
      for (let i = 0; i < fresh.length; i += SAVE_CHUNK) await db.voteSigners.bulkPut(fresh.slice(i, i + SAVE_CHUNK));
      for (const row of fresh) stored.add(row.key);
      const over = (await db.voteSigners.count()) - maxStored;
      if (over > 0) await db.voteSigners.orderBy('seenAt').limit(over).delete();
      return fresh.length;
    },
  };
}
