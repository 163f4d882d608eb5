import { useLiveRows } from '@/lib/db/useLiveRows';
import { sitePrefsOf } from '@/lib/gates/sitePrefsRepository';

/** Whether the holder hid the in-page card on the site `origin` (false for no site). */
export function usePageCardHidden(origin: string | null): boolean {
  return useLiveRows(async (db) => (origin ? ((await sitePrefsOf(db, origin))?.companionDismissed ?? false) : false), [origin]) ?? false;
}
