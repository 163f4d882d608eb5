import { browser } from 'wxt/browser';
import { database } from '@/lib/db/database';
import { readSettings } from '@/lib/settings/settingsRepository';
import { alertPrefs } from '../alertsRepository';
import { browserSurface } from './browserSurface';
import { applyOpenIn } from './openIn';

// What every worker start does for alerts, without the refresh itself (startAlerts.ts, loaded
// with the rest of the background when the alarm fires).

export const ALERT_ALARM = 'alerts-refresh';

/** The periodic alarm, with the holder's period: created if missing or different, else kept (its schedule too). */
export async function ensureAlertAlarm(): Promise<void> {
  const period = alertPrefs(await readSettings(database())).periodMinutes;
  const existing = await browser.alarms.get(ALERT_ALARM);
  if (existing?.periodInMinutes === period) return;
  // The first run after one period too: a freshly installed companion follows nobody yet.
  await browser.alarms.create(ALERT_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

/** The alarm with the holder's period, the badge count and the toolbar button's target (a start-up chore). */
export function startAlerts(): void {
  void ensureAlertAlarm();
  void database()
    .alerts.count()
    .then((count) => browserSurface.setCount(count));
  void applyOpenIn();
}
