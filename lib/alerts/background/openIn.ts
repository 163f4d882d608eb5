import { browser } from 'wxt/browser';
import { database } from '@/lib/db/database';
import { readSettings } from '@/lib/settings/settingsRepository';

import { sidebarAction } from '@/lib/panel/sidebarAction';

/**
 * Makes the toolbar button open what the holder chose: the popup, or the side panel (Chrome:
 * the panel opens on the action click; Firefox: the click opens the sidebar). Applied when the
 * worker starts and whenever the setting changes.
 */
export async function applyOpenIn(): Promise<void> {
  const { openIn } = await readSettings(database());
  const panel = openIn === 'panel';
  if (browser.sidePanel?.setPanelBehavior)
    await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: panel }).catch(() => undefined);
  else if (!sidebarAction()) return; // neither: the popup it stays
  await browser.action.setPopup({ popup: panel ? '' : 'popup.html' });
}
