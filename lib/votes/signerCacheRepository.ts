import { SIGNER_BATCH_SIZE, type CompanionDatabase } from '../db/database';
import type { VoteSignerBatchRow } from '../db/rows';
import type { SignerCache } from './core/checkEnvelope';

// Signers recovered by verified tallies, kept in IndexedDB: a signature over a given hash has one
// signer forever, so a re-check of a proposal (even after the worker or the browser restarted)
// recovers only the votes it has not seen. Stored in rows of up to SIGNER_BATCH_SIZE signers of
// one proposal; bounded: past MAX_STORED_SIGNER_BATCHES rows the oldest go.

/** About 200,000 signers (~50 MB at most). */
export const MAX_STORED_SIGNER_BATCHES = 200;

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

export async function loadSigners(
  db: CompanionDatabase,
  proposalId: string,
  maxBatches = MAX_STORED_SIGNER_BATCHES,
): Promise<StoredSigners> {
  const rows = await db.voteSignerBatches.where('proposalId').equals(proposalId).toArray();
  const cache: SignerCache = new Map();
  for (const row of rows) row.keys.forEach((key, i) => cache.set(key, row.signers[i]!));
  const stored = new Set(cache.keys());
  // New signers fill the proposal's last row before a new one starts, so small re-checks do not
  // leave many small rows (the bound counts rows).
  let open: VoteSignerBatchRow | undefined = rows.at(-1);
  let writtenSinceTrim = false;
  const writeFresh = async (at: number, trim: boolean) => {
    const fresh = [...cache].filter(([key]) => !stored.has(key));
    for (let i = 0; i < fresh.length;) {
      const base = open && open.keys.length < SIGNER_BATCH_SIZE ? open : undefined;
      const part = fresh.slice(i, i + SIGNER_BATCH_SIZE - (base?.keys.length ?? 0));
      const row: VoteSignerBatchRow = {
        ...(base?.id !== undefined && { id: base.id }),
        proposalId,
        keys: [...(base?.keys ?? []), ...part.map(([key]) => key)],
        signers: [...(base?.signers ?? []), ...part.map(([, signer]) => signer)],
        seenAt: at,
      };
      row.id = await db.voteSignerBatches.put(row);
      open = row;
      for (const [key] of part) stored.add(key);
      writtenSinceTrim = true;
      i += part.length;
    }
    if (trim && writtenSinceTrim) {
      writtenSinceTrim = false;
      const over = (await db.voteSignerBatches.count()) - maxBatches;
      if (over > 0) await db.voteSignerBatches.orderBy('seenAt').limit(over).delete();
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
