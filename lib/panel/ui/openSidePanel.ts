import { browser } from 'wxt/browser';

import { sidebarAction } from '../sidebarAction';

/** Whether this browser has a side panel the popup can open. */
export const canOpenSidePanel = (): boolean => Boolean(browser.sidePanel?.open || sidebarAction());

/**
 * Opens the companion in the browser's side panel, from a click in the popup: both browsers
 * want a user gesture, so this must be called straight from the click handler, with the
 * window id already known.
 */
export async function openSidePanel(windowId: number | undefined): Promise<void> {
  const sidebar = sidebarAction();
  if (sidebar) return sidebar.open();
  if (windowId === undefined) throw new Error('The side panel could not be opened here. Open it from the browser’s side panel menu.');
  await browser.sidePanel.open({ windowId });
}
