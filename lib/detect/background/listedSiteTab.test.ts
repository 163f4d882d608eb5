import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import devnetList from '@/lib/detect/lists/devnet.tokenlist.json';
import type { TokenList } from '@/lib/detect/core/confirmation';
import type { TabState } from '@/lib/detect/tabState';
import { CompanionDatabase } from '@/lib/db/database';
import { parseTokenList } from '@/lib/detect/core/tokenListSchema';
import { saveAddedList, setListEnabled } from '@/lib/lists/tokenListsRepository';
import { watchWrites } from '@/lib/app/background/watchWrites';
import { listedSiteState, recogniseListedSite, recogniseOpenTabs, tabStateOrListed, watchListedSites } from './listedSiteTab';
import { listedSitesFrom } from './listedSites';
import { forgetTab, readTabState, writeTabState } from './tabStates';

const list = devnetList as TokenList;
const opened: Dexie[] = [];
beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
function fresh(): CompanionDatabase {
  const db = new CompanionDatabase(`listed-${Math.random()}`);
  opened.push(db);
  return db;
}
/** How the worker reads the listed sites: storage.session's copy, built from IndexedDB when absent. */
const sitesOf = (db: CompanionDatabase) => () => listedSitesFrom(db);

test('a listed site is recognised from its URL alone, with the creator the list names', () => {
  expect(listedSiteState(list, 'http://localhost:4101/some/page?x=1')).toMatchObject({
    status: 'detected',
    origin: 'http://localhost:4101',
    tokenId: 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
    chainName: 'Devnet A',
    confirmation: 'confirmed',
    creatorName: 'Alex Masmej',
    listedDomain: true,
    manifest: null,
  });
  expect(listedSiteState(list, 'http://localhost:4103/')).toBeNull();
  expect(listedSiteState(list, undefined)).toBeNull();
});

test("the page's own declaration wins over the list, whichever arrives first", async () => {
  const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:4101/' });
  const declared: TabState = {
    ...listedSiteState(list, 'http://localhost:4101/')!,
    listedDomain: undefined,
    creatorDescription: 'from the page',
  };
  await writeTabState(tab.id!, declared, 'doc-1');
  await recogniseListedSite(tab.id!, 'http://localhost:4101/', list);
  expect(await readTabState(tab.id!)).toEqual(declared);

  const other = await fakeBrowser.tabs.create({ url: 'http://localhost:4102/' });
  await recogniseListedSite(other.id!, 'http://localhost:4102/', list);
  expect(await readTabState(other.id!)).toMatchObject({ creatorName: 'Mike Merrill', listedDomain: true });
  expect(recogniseListedSite(other.id!, 'https://example.com/', list)).toBeUndefined();
});

test('a tab that left the listed site before its turn is not marked with it', async () => {
  const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:4103/plain' });
  // The event said 4101, but the tab shows 4103 by the time the write comes round.
  await recogniseListedSite(tab.id!, 'http://localhost:4101/', list);
  expect(await readTabState(tab.id!)).toBeNull();
});

test('at start, tabs already open on a listed site are marked; the others are left alone', async () => {
  const listed = await fakeBrowser.tabs.create({ url: 'http://localhost:4101/about-me' });
  const plain = await fakeBrowser.tabs.create({ url: 'http://localhost:4103/plain' });
  const db = fresh();
  watchListedSites(sitesOf(db));
  await recogniseOpenTabs(sitesOf(db));
  await vi.waitFor(async () => expect(await readTabState(listed.id!)).toMatchObject({ creatorName: 'Alex Masmej', listedDomain: true }));
  expect(await fakeBrowser.action.getBadgeText({ tabId: listed.id! })).toBe('✓');
  expect(await readTabState(plain.id!)).toBeNull();
});

test('a URL change re-applies the listed state at once, and a tab brought to the front is checked', async () => {
  const db = fresh();
  watchListedSites(sitesOf(db));
  const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:4103/plain' });
  // A single-page site's pushState: the state went with the 'loading', the new URL brings it back.
  await forgetTab(tab.id!);
  await fakeBrowser.tabs.update(tab.id!, { url: 'http://localhost:4102/spa-route' });
  await vi.waitFor(async () => expect(await readTabState(tab.id!)).toMatchObject({ creatorName: 'Mike Merrill' }));

  // A tab whose events were missed: activating it is enough.
  const missed = await fakeBrowser.tabs.create({ url: 'http://localhost:4101/' });
  await forgetTab(missed.id!);
  await fakeBrowser.tabs.onActivated.trigger({ tabId: missed.id!, windowId: missed.windowId! });
  await vi.waitFor(async () => expect(await readTabState(missed.id!)).toMatchObject({ creatorName: 'Alex Masmej' }));
});

test('the popup on a listed tab whose events were missed still gets its creator', async () => {
  const db = fresh();
  const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:4101/about-me' });
  const plain = await fakeBrowser.tabs.create({ url: 'http://localhost:4103/plain' });
  expect(await tabStateOrListed(sitesOf(db), tab.id!)).toMatchObject({ creatorName: 'Alex Masmej', listedDomain: true });
  expect(await tabStateOrListed(sitesOf(db), plain.id!)).toBeNull();
});

test("a domain from a list the holder added is recognised; a disabled list's is not", async () => {
  const parsed = parseTokenList({
    name: 'Added',
    timestamp: '2025-01-01T00:00:00.000Z',
    version: { major: 1, minor: 0, patch: 0 },
    tokens: [
      {
        chainId: 31338,
        address: '0x0000000000000000000000000000000000000abc',
        name: 'Olga Other',
        symbol: 'OLGA',
        decimals: 18,
        extensions: { domains: ['localhost:4103'] },
      },
    ],
  });
  if (!parsed.ok) throw new Error('bad list');
  const db = fresh();
  const stopWatching = watchWrites(db.name);
  try {
    const tab = await fakeBrowser.tabs.create({ url: 'http://localhost:4103/plain' });
    // The session's copy is built before the holder adds the list: the write drops it.
    expect(await tabStateOrListed(sitesOf(db), tab.id!)).toBeNull();
    await saveAddedList(db, 'https://lists.example/added.json', parsed.list, 1);
    await vi.waitFor(async () =>
      expect(await tabStateOrListed(sitesOf(db), tab.id!)).toMatchObject({ creatorName: 'Olga Other', listedDomain: true }),
    );

    await forgetTab(tab.id!);
    await setListEnabled(db, 'https://lists.example/added.json', false, 2);
    await vi.waitFor(async () => expect(await tabStateOrListed(sitesOf(db), tab.id!)).toBeNull());
  } finally {
    stopWatching();
  }
});
