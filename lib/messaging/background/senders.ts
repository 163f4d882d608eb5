import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/** A page of this extension (popup, options), never a content script or another extension. */
export function isExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  return new URL(sender.url).origin === new URL(browser.runtime.getURL('/')).origin;
}

/** Our own content script in a tab's top frame: the only place declarations may come from. */
export function contentScriptTab(sender: Sender): { tabId: number; origin: string } | null {
  if (sender.id !== browser.runtime.id || !sender.tab?.id || sender.frameId !== 0 || !sender.url) return null;
  const url = new URL(sender.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { tabId: sender.tab.id, origin: url.origin };
}
