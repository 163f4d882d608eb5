import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabState } from '@/lib/detect/tabState';
import { detectedTabOf, forgetTab, readTabState, writeTabState } from './tabStates';

const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const detected = (tokenId: string): TabState => ({
  status: 'detected',
  origin: 'https://alex.example',
  tokenId,
  chainId: 31337,
  chainName: 'Devnet A',
  address: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
  confirmation: 'declared',
  creatorName: 'Alex',
  creatorDescription: null,
  manifest: null,
});

beforeEach(() => fakeBrowser.reset());

test('a tab state is kept in storage.session under tab:<id> with the document that declared it', async () => {
  const tab = await fakeBrowser.tabs.create({ url: 'https://alex.example/' });
  await writeTabState(tab.id!, detected(ALEX), 'doc-1').catch(() => undefined); // the fake browser has no badge; the state is written first
  expect(await fakeBrowser.storage.session.get(`tab:${tab.id}`)).toEqual({
    [`tab:${tab.id}`]: { state: detected(ALEX), documentId: 'doc-1' },
  });
  expect(await readTabState(tab.id!)).toEqual(detected(ALEX));
  expect(await detectedTabOf(ALEX)).toEqual(detected(ALEX));
  expect(await detectedTabOf('eip155:31337/erc20:0x000000000000000000000000000000000000dEaD')).toBeNull();
  await forgetTab(tab.id!).catch(() => undefined);
  expect(await readTabState(tab.id!)).toBeNull();
  expect(await detectedTabOf(ALEX)).toBeNull();
});
