import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import devnetList from '@/lib/detect/lists/devnet.tokenlist.json';
import type { TokenList } from '@/lib/detect/core/confirmation';
import type { TabState } from '@/lib/detect/tabState';
import { listedSiteState, recogniseListedSite } from './listedSiteTab';
import { readTabState, writeTabState } from './tabStates';

const list = devnetList as TokenList;
beforeEach(() => fakeBrowser.reset());

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
  await writeTabState(tab.id!, declared, 'doc-1').catch(() => undefined); // the fake browser has no badge
  await recogniseListedSite(tab.id!, 'http://localhost:4101/', list)?.catch(() => undefined);
  expect(await readTabState(tab.id!)).toEqual(declared);

  const other = await fakeBrowser.tabs.create({ url: 'http://localhost:4102/' });
  await recogniseListedSite(other.id!, 'http://localhost:4102/', list)?.catch(() => undefined);
  expect(await readTabState(other.id!)).toMatchObject({ creatorName: 'Mike Merrill', listedDomain: true });
  expect(recogniseListedSite(other.id!, 'https://example.com/', list)).toBeUndefined();
});
