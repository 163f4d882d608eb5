import { useLiveRows } from '@/lib/db/useLiveRows';
import type { AlertRow, AlertRunRow } from '@/lib/db/rows';
import { lastAlertRun, listAlerts } from '../alertsRepository';

/** What waits for the holder, as the last background refresh found it, live from IndexedDB. */
export function useAlerts(): { alerts: AlertRow[]; lastRun: AlertRunRow | null } | undefined {
  return useLiveRows(async (db) => {
    const [alerts, lastRun] = await Promise.all([listAlerts(db), lastAlertRun(db)]);
    alerts.sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || a.key.localeCompare(b.key));
    return { alerts, lastRun: lastRun ?? null };
  }, []);
}
