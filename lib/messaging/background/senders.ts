import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/** A page of this extension (popup, options), never a content script or another extension. */
export function isExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  return new URL(sender.url).origin === new URL(browser.runtime.getURL('/')).origin;
}

/**
 * Our page frame (entrypoints/page-frame) inside a tab, never at its top: the tab and the origin of
 * the tab's top-level page, both as the browser reports them. Any page may embed the frame; it is
 * then answered about that page's own declaration, as our content script would be.
 */
export function pageFrameTab(sender: Sender, framePath: string): { tabId: number; origin: string } | null {
  if (!isExtensionPage(sender) || !sender.tab?.id || !sender.frameId || sender.frameId <= 0 || !sender.tab.url) return null;
  if (new URL(sender.url!).pathname !== framePath) return null;
  const top = new URL(sender.tab.url);
  if (top.protocol !== 'http:' && top.protocol !== 'https:') return null;
  return { tabId: sender.tab.id, origin: top.origin };
}

/** Our own content script in a tab's top frame: the only place declarations may come from. */
export function contentScriptTab(sender: Sender): { tabId: number; origin: string } | null {
  if (sender.id !== browser.runtime.id || !sender.tab?.id || sender.frameId !== 0 || !sender.url) return null;
  const url = new URL(sender.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { tabId: sender.tab.id, origin: url.origin };
}
