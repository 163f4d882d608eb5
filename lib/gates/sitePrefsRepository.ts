import type { CompanionDatabase } from '../db/database';
import type { SitePrefsRow } from '../db/rows';

/** What the holder decided about the site; undefined when nothing yet. */
export function sitePrefsOf(db: CompanionDatabase, origin: string): Promise<SitePrefsRow | undefined> {
  return db.sitePrefs.get(origin);
}

/** Merges `changes` into the site's row: each choice is saved without undoing the others. */
export async function saveSitePrefs(db: CompanionDatabase, origin: string, changes: Partial<Omit<SitePrefsRow, 'origin'>>): Promise<void> {
  await db.transaction('rw', db.sitePrefs, async () => {
    const current = (await db.sitePrefs.get(origin)) ?? { origin, companionDismissed: false };
    await db.sitePrefs.put({ ...current, ...changes, origin });
  });
}
