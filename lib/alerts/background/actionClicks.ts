import { browser } from 'wxt/browser';
import { sidebarAction } from '@/lib/panel/sidebarAction';

/** Firefox: with the popup unset, a click on the button opens the sidebar (a user gesture). */
export function listenForActionClicks(): void {
  const sidebar = sidebarAction();
  if (!sidebar || browser.sidePanel) return;
  browser.action.onClicked.addListener(() => void sidebar.open());
}
