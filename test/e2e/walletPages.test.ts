import type { Page } from 'playwright-core';
import { getTypesForEIP712Domain, recoverTypedDataAddress, serializeTypedData, toHex, verifyMessage, type Hex } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { snapshotVote } from '@/lib/wallet/testing/snapshotVote';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { TEST_WALLET_NAME, TEST_WALLET_RDNS } from '../wallet-extension/identity';
import { startJourneys, type WalletJourneys } from './fixtures';

// The test wallet in pages, as MetaMask is: announced through EIP-6963, requests relayed to its
// background with the page's real origin, so page-bound signatures can be checked by origin.
let j: WalletJourneys;
const holder1 = DEVNET_HOLDERS.holder1.address;
type Eip1193 = {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
  on(event: string, listener: (value: unknown) => void): void;
};
type InPage = { testWalletProvider?: Eip1193; testWalletEvents?: unknown[] };

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
});
afterAll(() => j?.stop());
beforeEach(() => j.browser.wallet.reset());

/** Opens Alex's site and keeps the provider announced as the Test Wallet on `window`. */
async function openWithWallet(): Promise<{ page: Page; announced: { name: string; rdns: string; icon: string; uuid: string }[] }> {
  const page = await j.browser.context.newPage();
  await page.goto(`${j.server.origins.alex}/`);
  const announced = await page.evaluate(async (rdns) => {
    const infos: { name: string; rdns: string; icon: string; uuid: string }[] = [];
    window.addEventListener('eip6963:announceProvider', (event) => {
      const { info, provider } = (event as CustomEvent).detail;
      infos.push(info);
      if (info.rdns === rdns) (window as InPage).testWalletProvider = provider;
    });
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return infos;
  }, TEST_WALLET_RDNS);
  return { page, announced };
}

const request = (page: Page, method: string, params?: unknown[]) =>
  page.evaluate(([m, p]) => (window as InPage).testWalletProvider!.request({ method: m, params: p }), [method, params] as const);

describe('the test wallet in a page (EIP-6963)', () => {
  test('announces itself with a name, an rdns and a data: icon', async () => {
    const { page, announced } = await openWithWallet();
    expect(announced).toContainEqual({
      uuid: expect.any(String),
      name: TEST_WALLET_NAME,
      rdns: TEST_WALLET_RDNS,
      icon: expect.stringMatching(/^data:image\//),
    });
    await page.close();
  });

  test("personal_sign and typed data from a page carry the page's origin", async () => {
    const { page } = await openWithWallet();
    expect(await request(page, 'eth_accounts')).toEqual([]);
    expect(await request(page, 'eth_requestAccounts')).toEqual([holder1]);
    const message = `localhost:4101 wants you to sign in with your Ethereum account:\n${holder1}`;
    const signature = (await request(page, 'personal_sign', [toHex(message), holder1])) as Hex;
    expect(await verifyMessage({ address: holder1, message, signature })).toBe(true);

    const vote = snapshotVote(holder1);
    const json = serializeTypedData({
      ...vote,
      types: { ...vote.types, EIP712Domain: getTypesForEIP712Domain({ domain: vote.domain! }) },
    } as never);
    const typedSignature = (await request(page, 'eth_signTypedData_v4', [holder1, json])) as Hex;
    expect(await recoverTypedDataAddress({ ...vote, signature: typedSignature } as never)).toBe(holder1);

    const log = await j.browser.wallet.log();
    const origin = j.server.origins.alex;
    expect(log.filter((e) => e.method === 'personal_sign')).toEqual([
      expect.objectContaining({ origin, outcome: 'approved', params: [toHex(message), holder1] }),
    ]);
    expect(log.filter((e) => e.method === 'eth_signTypedData_v4')).toEqual([expect.objectContaining({ origin, outcome: 'approved' })]);
    await page.close();
  });

  test('a rejection reaches the page as 4001; a chain switch as chainChanged', async () => {
    const { page } = await openWithWallet();
    await request(page, 'eth_requestAccounts');
    await page.evaluate(() => {
      const w = window as InPage;
      w.testWalletEvents = [];
      w.testWalletProvider!.on('chainChanged', (chainId) => w.testWalletEvents!.push(chainId));
    });
    await request(page, 'wallet_switchEthereumChain', [{ chainId: '0x7a6a' }]);
    await expect.poll(() => page.evaluate(() => (window as InPage).testWalletEvents)).toEqual(['0x7a6a']);
    await j.browser.wallet.setMode('reject');
    const rejected = await page.evaluate(() =>
      (window as InPage)
        .testWalletProvider!.request({ method: 'personal_sign', params: ['0x68656c6c6f', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'] })
        .then(
          () => null,
          (error: { code: number }) => error.code,
        ),
    );
    expect(rejected).toBe(4001);
    await page.close();
  });

  test('messages from another origin (a framed page) are not relayed', async () => {
    const { page } = await openWithWallet();
    const other = `${j.server.origins.other}/plain`;
    await page.evaluate(
      (src) =>
        new Promise((resolve) => {
          const frame = document.createElement('iframe');
          frame.onload = resolve;
          frame.src = src;
          document.body.append(frame);
        }),
      other,
    );
    // net_version is answered without the network, so it would be logged before the page's own request.
    await page
      .frame({ url: other })!
      .evaluate(() => parent.postMessage({ channel: 'personal-token-test-wallet:request', id: 1, method: 'net_version' }, '*'));
    await request(page, 'eth_chainId'); // a request of the page itself, answered after the forged one would have been
    expect((await j.browser.wallet.log()).map((e) => e.method)).toEqual(['eth_chainId']);
    await page.close();
  });
});
