import type { CompanionDatabase } from '@/lib/db/database';
import type { ClaimsCacheRow, ClaimsFileRow } from '@/lib/db/rows';
import type { ClaimsCacheStore } from '@/lib/income/core';
import { lowerAddress } from '@/lib/protocol/address';

/** The claims found per file content and account (tables `claimsCache` and `claimsFiles`), as the income core reads them. */
export function claimsCacheStore(db: CompanionDatabase, now: () => number = Date.now): ClaimsCacheStore {
  return {
    async get(fileHash, account) {
      const row = await db.claimsCache.get([fileHash, lowerAddress(account)]);
      if (!row) return undefined;
      return {
        fileHash: row.fileHash,
        account,
        fileRoot: row.fileRoot,
        claim: row.claim && { index: BigInt(row.claim.index), account, amount: BigInt(row.claim.amount), proof: row.claim.proof },
      };
    },
    async put(entry) {
      const row: ClaimsCacheRow = {
        fileHash: entry.fileHash,
        account: lowerAddress(entry.account),
        fileRoot: entry.fileRoot,
        claim: entry.claim && { index: entry.claim.index.toString(), amount: entry.claim.amount.toString(), proof: entry.claim.proof },
        cachedAt: now(),
      };
      await db.claimsCache.put(row);
    },
  };
}

/** Where a claims file was last seen, so a popup opening does not download it again. */
export function claimsFileSeen(db: CompanionDatabase, url: string): Promise<ClaimsFileRow | undefined> {
  return db.claimsFiles.get(url);
}

export async function rememberClaimsFile(db: CompanionDatabase, row: ClaimsFileRow): Promise<void> {
  await db.claimsFiles.put(row);
}
