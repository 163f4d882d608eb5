import { browser } from 'wxt/browser';
import { POPUP_SESSION_PORT } from '@/lib/messaging/requests';

/**
 * The popup holds a port open while it is shown. When it closes, what it showed becomes what
 * the holder last looked at (`closed`: the base of the next "change since your last look").
 */
export function listenForPopupSessions(closed: () => void): void {
  browser.runtime.onConnect.addListener((port) => {
    const fromOurPage = port.sender?.id === browser.runtime.id && port.sender.url?.startsWith(browser.runtime.getURL('/'));
    if (port.name !== POPUP_SESSION_PORT || !fromOurPage) return;
    port.onDisconnect.addListener(closed);
  });
}
