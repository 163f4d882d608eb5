import type { Address } from 'viem';
import type { CompanionDatabase } from '../db/database';
import type { DiscoveryRow } from '../db/rows';
import { lowerAddress } from '../protocol/address';

export function discoveriesOf(db: CompanionDatabase, account: Address): Promise<DiscoveryRow[]> {
  return db.discoveries.where('account').equals(lowerAddress(account)).toArray();
}

export function discoveryOf(db: CompanionDatabase, account: Address, tokenId: string): Promise<DiscoveryRow | undefined> {
  return db.discoveries.get([lowerAddress(account), tokenId]);
}

/** What one chain's discovery found for an account replaces what it found before on that chain. */
export async function replaceDiscoveries(db: CompanionDatabase, account: Address, chainId: number, rows: DiscoveryRow[]): Promise<void> {
  const owner = lowerAddress(account);
  await db.transaction('rw', db.discoveries, async () => {
    await db.discoveries
      .where('account')
      .equals(owner)
      .filter((row) => row.chainId === chainId)
      .delete();
    await db.discoveries.bulkPut(rows.map((row) => ({ ...row, account: owner })));
  });
}
