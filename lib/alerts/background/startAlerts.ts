import { browser } from 'wxt/browser';
import { backgroundDeps } from '@/lib/app/background/backgroundDeps';
import { readSettings } from '@/lib/settings/settingsRepository';
import { alertPrefs, saveSkippedRun } from '../alertsRepository';
import { notificationCreator } from '../core/alerts';
import { focusCreatorItem } from '../focus';
import { runAlertRefresh, type AlertRunResult } from './alertRefresh';
import { browserSurface } from './browserSurface';
import { applyOpenIn } from './openIn';

export const ALERT_ALARM = 'alerts-refresh';

let running: Promise<AlertRunResult> | null = null;

/** One refresh at a time: an alarm during a "Check now" joins it. */
export function checkAlerts(): Promise<AlertRunResult> {
  running ??= runAlertRefresh({ ...backgroundDeps(), surface: browserSurface })
    .catch(async (error: unknown) => {
      await saveSkippedRun(backgroundDeps().db, Date.now(), error instanceof Error ? error.message : String(error));
      throw error;
    })
    .finally(() => {
      running = null;
      void ensureAlertAlarm();
    });
  return running;
}

/** The periodic alarm, with the holder's period: created if missing or different, else kept (its schedule too). */
export async function ensureAlertAlarm(): Promise<void> {
  const period = alertPrefs(await readSettings(backgroundDeps().db)).periodMinutes;
  const existing = await browser.alarms.get(ALERT_ALARM);
  if (existing?.periodInMinutes === period) return;
  // The first run after one period too: a freshly installed companion follows nobody yet.
  await browser.alarms.create(ALERT_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

/** Opens the companion on a creator: the popup where the browser lets us, else the same page in a small window. */
export async function openOnCreator(tokenId: string | null): Promise<void> {
  await focusCreatorItem.setValue({ tokenId, at: Date.now() });
  try {
    await browser.action.openPopup();
  } catch {
    const query = tokenId ? `?creator=${encodeURIComponent(tokenId)}` : '';
    await browser.windows.create({ url: browser.runtime.getURL(`/popup.html${query}`), type: 'popup', width: 400, height: 640 });
  }
}

/** The alarm's and the notifications' listeners: added while the worker's script first runs. */
export function listenForAlerts(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALERT_ALARM) void checkAlerts().catch(() => undefined);
  });
  browser.notifications.onClicked.addListener((id) => {
    void browser.notifications.clear(id);
    void openOnCreator(notificationCreator(id));
  });
}

/** The alarm with the holder's period, the badge count and the toolbar button's target (a start-up chore). */
export function startAlerts(): void {
  void ensureAlertAlarm();
  void backgroundDeps()
    .db.alerts.count()
    .then((count) => browserSurface.setCount(count));
  void applyOpenIn();
}
