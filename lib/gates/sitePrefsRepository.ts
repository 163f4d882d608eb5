import type { CompanionDatabase } from '../db/database';
import type { SitePrefsRow } from '../db/rows';

/** Merges `changes` into the site's row: each choice is saved without undoing the others. */
export async function saveSitePrefs(db: CompanionDatabase, origin: string, changes: Partial<Omit<SitePrefsRow, 'origin'>>): Promise<void> {
  await db.transaction('rw', db.sitePrefs, async () => {
    const current = (await db.sitePrefs.get(origin)) ?? { origin, companionDismissed: false };
    await db.sitePrefs.put({ ...current, ...changes, origin });
  });
}
