import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { contentScriptTab, isExtensionPage, pageFrameTab } from './senders';

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
    expect(contentScriptTab({ id, tab, frameId: 0, url: 'http://localhost:4101/posts' })).toEqual({
      tabId: 7,
      origin: 'http://localhost:4101',
    });
    expect(contentScriptTab({ id, tab, frameId: 3, url: 'http://localhost:4101/' })).toBeNull(); // an iframe
    expect(contentScriptTab({ id: 'other', tab, frameId: 0, url: 'http://localhost:4101/' })).toBeNull();
    expect(contentScriptTab({ id, frameId: 0, url: 'http://localhost:4101/' })).toBeNull(); // no tab
    expect(contentScriptTab({ id, tab, frameId: 0, url: 'file:///etc/passwd' })).toBeNull();
  });

  test("page requests from our page frame are about the tab it is shown in, as the browser reports the tab's top page", () => {
    const id = browser.runtime.id;
    const frame = browser.runtime.getURL('/page-frame.html');
    const tab = (url: string) => ({ id: 7, url }) as never;
    const inAlex = { id, url: `${frame}#gate=monthly-notes`, frameId: 4, tab: tab('http://localhost:4101/posts') };
    expect(pageFrameTab(inAlex, '/page-frame.html')).toEqual({ tabId: 7, origin: 'http://localhost:4101' });
    expect(pageFrameTab({ ...inAlex, frameId: 0 }, '/page-frame.html')).toBeNull(); // opened as the tab's page itself
    expect(pageFrameTab({ ...inAlex, tab: undefined }, '/page-frame.html')).toBeNull();
    expect(pageFrameTab({ ...inAlex, url: ownPage() }, '/page-frame.html')).toBeNull(); // another of our pages
    expect(pageFrameTab({ ...inAlex, url: 'http://localhost:4101/page-frame.html' }, '/page-frame.html')).toBeNull(); // a content script
    expect(pageFrameTab({ ...inAlex, id: 'other' }, '/page-frame.html')).toBeNull();
    expect(pageFrameTab({ ...inAlex, tab: tab('chrome://newtab/') }, '/page-frame.html')).toBeNull();
  });
});
