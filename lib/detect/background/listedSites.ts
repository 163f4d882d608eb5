import type { TokenList } from '@/lib/detect/core/tokenListSchema';
import type { CompanionDatabase } from '@/lib/db/database';
import { listedSitesItem, listedSitesOf } from '@/lib/app/background/wakeState';
import { enabledTokenList } from '@/lib/lists/tokenListsRepository';

let generation = 0;

/** The token lists changed (watchWrites): the copy is dropped, and one being built is not saved. */
export function forgetListedSites(): Promise<void> {
  generation++;
  return listedSitesItem.removeValue();
}

/** The enabled lists' sites, from the storage.session copy, else built from IndexedDB and kept. */
export async function listedSitesFrom(db: CompanionDatabase): Promise<TokenList> {
  const kept = await listedSitesItem.getValue();
  if (kept) return kept;
  const started = generation;
  const list = listedSitesOf(await enabledTokenList(db));
  if (started === generation) await listedSitesItem.setValue(list);
  return list;
}
