import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listPageWallets, requestPageWallet } from './pageWalletBridge';

// The page's main world, stood in for by an EventTarget with one EIP-6963 wallet that announces
// itself on every request, as real wallets do. executeScript runs the injected function in it,
// after a turn of the event loop like Chrome, so concurrent injections really overlap.
const ORIGIN = 'https://alex.example';
const page = { tabId: 7, documentId: null, origin: ORIGIN };
let running = 0;
let mostAtOnce = 0;

function pageWithOneWallet(): EventTarget {
  const win = new EventTarget();
  const info = { uuid: 'uuid-metamask', name: 'MetaMask', rdns: 'io.metamask', icon: 'data:image/svg+xml,<svg/>' };
  const provider = {
    request: async ({ method }: { method: string }) => {
      if (method !== 'eth_requestAccounts') throw Object.assign(new Error('unsupported'), { code: 4200 });
      await new Promise((resolve) => setTimeout(resolve, 50)); // the holder reading the prompt
      return ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'];
    },
  };
  win.addEventListener('eip6963:requestProvider', () =>
    win.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: { info, provider } })),
  );
  return win;
}

beforeEach(() => {
  fakeBrowser.reset();
  running = 0;
  mostAtOnce = 0;
  vi.stubGlobal('window', pageWithOneWallet());
  vi.stubGlobal('location', { origin: ORIGIN });
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: {
    func: (...args: unknown[]) => unknown;
    args: unknown[];
  }) => {
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    try {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return [{ frameId: 0, documentId: 'doc', result: await injection.func(...injection.args) }];
    } finally {
      running--;
    }
  }) as never);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('asking the page for its wallets', () => {
  test('two quick clicks each find the one wallet, once, one lookup after the other', async () => {
    const [first, second] = await Promise.all([listPageWallets(page), listPageWallets(page)]);
    expect(first.map((w) => w.uuid)).toEqual(['uuid-metamask']);
    expect(second.map((w) => w.uuid)).toEqual(['uuid-metamask']);
    expect(mostAtOnce).toBe(1);
  });

  test("a wallet announced again (the page's own request) is listed once", async () => {
    const win = window as unknown as EventTarget;
    // The page asks too while we listen: the wallet announces itself a second time.
    const pageAsks = setTimeout(() => win.dispatchEvent(new Event('eip6963:requestProvider')), 20);
    const wallets = await listPageWallets(page);
    clearTimeout(pageAsks);
    expect(wallets).toHaveLength(1);
  });

  test("a second click's lookup waits while the first click's wallet prompt is open", async () => {
    const order: string[] = [];
    const prompt = requestPageWallet(page, 'uuid-metamask', 'eth_requestAccounts', []).then(() => order.push('prompt answered'));
    const lookup = listPageWallets(page).then(() => order.push('second lookup'));
    await Promise.all([prompt, lookup]);
    expect(order).toEqual(['prompt answered', 'second lookup']);
    expect(mostAtOnce).toBe(1);
  });

  test('a failed call does not block the next one in the tab', async () => {
    await expect(requestPageWallet(page, 'uuid-metamask', 'eth_sign', [])).rejects.toThrow('Your wallet refused: unsupported');
    expect(await listPageWallets(page)).toHaveLength(1);
  });
});
