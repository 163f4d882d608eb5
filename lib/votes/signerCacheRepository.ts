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
  /**
   * Writes what was added since the last write; returns how many. Calls run one after another, so
   * a tally may call it as it goes (the rows are written while it waits on the network) and the
   * last call only has the rest to write. `trim` drops the oldest rows past the bound (a count of
   * the whole table: done once, at the end).
   */
  save(options?: { at?: number; trim?: boolean }): Promise<number>;
}

export async function loadSigners(db: CompanionDatabase, proposalId: string, maxStored = MAX_STORED_SIGNERS): Promise<StoredSigners> {
  const rows = await db.voteSigners.where('proposalId').equals(proposalId).toArray();
  const cache: SignerCache = new Map(rows.map((r) => [r.key, r.signer]));
  const stored = new Set(cache.keys());
  let writtenSinceTrim = 0;
  const writeFresh = async (at: number, trim: boolean) => {
    const fresh = [...cache].filter(([key]) => !stored.has(key)).map(([key, signer]) => ({ key, proposalId, signer, seenAt: at }));
    // In chunks: one bulkPut of 10,000 rows clones them all in one go on the service worker's thread.
    for (let i = 0; i < fresh.length; i += SAVE_CHUNK) {
      const chunk = fresh.slice(i, i + SAVE_CHUNK);
      await db.voteSigners.bulkPut(chunk);
      for (const row of chunk) stored.add(row.key);
      writtenSinceTrim += chunk.length;
    }
    if (trim && writtenSinceTrim > 0) {
      writtenSinceTrim = 0;
      const over = (await db.voteSigners.count()) - maxStored;
      if (over > 0) await db.voteSigners.orderBy('seenAt').limit(over).delete();
    }
    return fresh.length;
  };
  let writing: Promise<unknown> = Promise.resolve();
  return {
    cache,
    save({ at = Date.now(), trim = true } = {}) {
      const next = writing.then(
        () => writeFresh(at, trim),
        () => writeFresh(at, trim),
      );
      writing = next;
      return next;
    },
  };
}
