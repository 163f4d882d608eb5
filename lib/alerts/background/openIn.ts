import { browser } from 'wxt/browser';
import { backgroundDeps } from '@/lib/app/background/backgroundDeps';
import { readSettings } from '@/lib/settings/settingsRepository';

import { sidebarAction } from '@/lib/panel/sidebarAction';

/**
 * Makes the toolbar button open what the holder chose: the popup, or the side panel (Chrome:
 * the panel opens on the action click; Firefox: the click opens the sidebar). Applied when the
 * worker starts and whenever the setting changes.
 */
export async function applyOpenIn(): Promise<void> {
  const { openIn } = await readSettings(backgroundDeps().db);
  const panel = openIn === 'panel';
  if (browser.sidePanel?.setPanelBehavior)
    await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: panel }).catch(() => undefined);
  else if (!sidebarAction()) return; // neither: the popup it stays
  await browser.action.setPopup({ popup: panel ? '' : 'popup.html' });
}

/** Firefox: with the popup unset, a click on the button opens the sidebar (a user gesture). */
export function listenForActionClicks(): void {
  const sidebar = sidebarAction();
  if (!sidebar || browser.sidePanel) return;
  browser.action.onClicked.addListener(() => void sidebar.open());
}
