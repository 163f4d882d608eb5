import type { CompanionDatabase } from '../db/database';
import type { AlertRow, AlertRunRow, SettingsMap } from '../db/rows';
import { DEFAULT_ALERT_PREFS, seenToForget, type Alert, type AlertPrefs } from './core/alerts';

/** The holder's alert choices, with defaults for kinds added after they were saved. */
export function alertPrefs(settings: SettingsMap): AlertPrefs {
  const stored = settings.alerts ?? DEFAULT_ALERT_PREFS;
  return { ...DEFAULT_ALERT_PREFS, ...stored, kinds: { ...DEFAULT_ALERT_PREFS.kinds, ...stored.kinds } };
}

export async function seenKeys(db: CompanionDatabase): Promise<Set<string>> {
  return new Set((await db.alertsSeen.toArray()).map((row) => row.key));
}

/**
 * Stores one refresh's outcome in one transaction: what waits now replaces what waited, the
 * alerts about to be shown become seen (before they are shown: a worker stopped in between
 * loses a notification, never repeats one), old seen keys are forgotten.
 */
export async function saveAlertRun(db: CompanionDatabase, waiting: Alert[], notify: Alert[], now: number): Promise<void> {
  await db.transaction('rw', [db.alerts, db.alertsSeen, db.alertRuns], async () => {
    await db.alerts.clear();
    await db.alerts.bulkPut(waiting.map((a): AlertRow => ({ ...a, foundAt: now })));
    await db.alertsSeen.bulkPut(notify.map((a) => ({ key: a.key, notifiedAt: now })));
    const forget = seenToForget(await db.alertsSeen.toArray(), new Set(waiting.map((a) => a.key)), now);
    await db.alertsSeen.bulkDelete(forget);
    await db.alertRuns.put({ id: 'last', at: now, skipped: false, waiting: waiting.length, notified: notify.length, error: null });
  });
}

export async function saveSkippedRun(db: CompanionDatabase, now: number, error: string | null = null): Promise<void> {
  await db.transaction('rw', [db.alerts, db.alertRuns], async () => {
    if (!error) await db.alerts.clear();
    const waiting = await db.alerts.count();
    await db.alertRuns.put({ id: 'last', at: now, skipped: !error, waiting, notified: 0, error });
  });
}

export const listAlerts = (db: CompanionDatabase): Promise<AlertRow[]> => db.alerts.toArray();
export const lastAlertRun = (db: CompanionDatabase): Promise<AlertRunRow | undefined> => db.alertRuns.get('last');
