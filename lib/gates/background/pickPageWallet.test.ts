import { afterEach, describe, expect, test } from 'vitest';
import { database } from '@/lib/db/database';
import { saveSitePrefs } from '@/lib/gates/sitePrefsRepository';
import type { PageWalletChoice } from '@/lib/gates/contract';
import { pickPageWallet } from './pickPageWallet';

// What the page announces is the one thing faked here.
let announced: PageWalletChoice[] = [];
const deps = {
  db: database(),
  pageWallet: {
    list: async () => announced,
    request: async () => {
      throw new Error('Picking a wallet asks it nothing.');
    },
  },
};

const page = { tabId: 1, documentId: null, origin: 'https://alex.example' };
const wallet = (uuid: string, rdns: string, name = rdns): PageWalletChoice => ({ uuid, name, rdns, icon: null });
const real = wallet('u1', 'io.metamask', 'MetaMask');
const other = wallet('u2', 'io.rabby', 'Rabby');
const fake = wallet('u3', 'io.metamask', 'Totally MetaMask');

afterEach(async () => {
  announced = [];
  await database().sitePrefs.clear();
});

describe('which page wallet signs', () => {
  test('the only wallet, without asking or remembering', async () => {
    announced = [real];
    expect(await pickPageWallet(deps, page, null)).toEqual({ wallet: real, remember: false });
  });

  test('one wallet heard twice is still the only wallet, not a choice', async () => {
    announced = [real, { ...real }];
    expect(await pickPageWallet(deps, page, null)).toEqual({ wallet: real, remember: false });
  });

  test('several wallets and no earlier pick: the holder chooses', async () => {
    announced = [real, other];
    expect(await pickPageWallet(deps, page, null)).toEqual({ choices: [real, other] });
  });

  test("the holder's pick among several is to be remembered", async () => {
    announced = [real, other];
    expect(await pickPageWallet(deps, page, 'u2')).toEqual({ wallet: other, remember: true });
  });

  test('a remembered pick is used when that wallet is there exactly once', async () => {
    await saveSitePrefs(database(), page.origin, { walletRdns: 'io.rabby' });
    announced = [real, other];
    expect(await pickPageWallet(deps, page, null)).toEqual({ wallet: other, remember: false });
  });

  test('a remembered rdns that a second wallet also claims is asked about again', async () => {
    await saveSitePrefs(database(), page.origin, { walletRdns: 'io.metamask' });
    announced = [real, fake];
    expect(await pickPageWallet(deps, page, null)).toEqual({ choices: [real, fake] });
  });

  test('a pick that is no longer in the page is refused', async () => {
    announced = [real];
    await expect(pickPageWallet(deps, page, 'gone')).rejects.toThrow('That wallet is no longer on this page. Try again.');
  });

  test('remembering a wallet keeps the hidden card hidden', async () => {
    await saveSitePrefs(database(), page.origin, { companionDismissed: true });
    await saveSitePrefs(database(), page.origin, { walletRdns: 'io.rabby' });
    expect(await database().sitePrefs.get(page.origin)).toEqual({ origin: page.origin, companionDismissed: true, walletRdns: 'io.rabby' });
  });
});
