import { browser } from 'wxt/browser';
import { backgroundDeps } from '@/lib/app/background/backgroundDeps';
import { saveSkippedRun } from '../alertsRepository';
import { notificationCreator } from '../core/alerts';
import { focusCreatorItem } from '../focus';
import { runAlertRefresh, type AlertRunResult } from './alertRefresh';
import { browserSurface } from './browserSurface';
import { ALERT_ALARM, ensureAlertAlarm } from './alertAlarm';

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

/** The alerts alarm fired (the start script's listener hands it here). */
export function alarmFired(name: string): void {
  if (name === ALERT_ALARM) void checkAlerts().catch(() => undefined);
}

/** A notification was clicked: the companion opens on its creator. */
export function notificationClicked(id: string): void {
  void browser.notifications.clear(id);
  void openOnCreator(notificationCreator(id));
}
