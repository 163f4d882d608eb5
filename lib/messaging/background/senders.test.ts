import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { contentScriptTab, isExtensionPage } from './senders';

const ownPage = () => browser.runtime.getURL('/popup.html');

describe('sender checks', () => {
  beforeEach(() => fakeBrowser.reset());

  test('only our own extension pages may make privileged requests', () => {
    const id = browser.runtime.id;
    expect(isExtensionPage({ id, url: ownPage() })).toBe(true);
    // Opened as a tab (tests, keyboard users) it is still our page.
    expect(isExtensionPage({ id, url: `${ownPage()}?tab=4`, tab: { id: 4 } as never })).toBe(true);
    expect(isExtensionPage({ id, url: 'http://localhost:4101/' })).toBe(false); // our content script
    expect(isExtensionPage({ id: 'another-extension', url: ownPage() })).toBe(false);
    expect(isExtensionPage({ id })).toBe(false);
  });

  test('declarations are taken only from our content script in a top frame of an http(s) page', () => {
    const id = browser.runtime.id;
    const tab = { id: 7 } as never;
    expect(contentScriptTab({ id, tab, frameId: 0, url: 'http://localhost:4101/posts' })).toEqual({ tabId: 7, origin: 'http://localhost:4101' });
    expect(contentScriptTab({ id, tab, frameId: 3, url: 'http://localhost:4101/' })).toBeNull(); // an iframe
    expect(contentScriptTab({ id: 'other', tab, frameId: 0, url: 'http://localhost:4101/' })).toBeNull();
    expect(contentScriptTab({ id, frameId: 0, url: 'http://localhost:4101/' })).toBeNull(); // no tab
    expect(contentScriptTab({ id, tab, frameId: 0, url: 'file:///etc/passwd' })).toBeNull();
  });
});
