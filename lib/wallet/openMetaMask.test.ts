import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { TEST_WALLET_ID, TEST_WALLET_PUBLIC_KEY } from '../../test/wallet-extension/identity';
import { METAMASK_EXTENSION } from './metamaskId';
import { openMetaMask } from './openMetaMask';

type Listener = () => void;

/** What chrome.runtime.connect returns for an extension that is not there: a port that drops. */
function portThatDrops() {
  const onDisconnect: Listener[] = [];
  setTimeout(() => onDisconnect.forEach((listener) => listener()), 5);
  return {
    name: '',
    postMessage: () => undefined,
    disconnect: () => undefined,
    onMessage: { addListener: () => undefined, removeListener: () => undefined },
    onDisconnect: { addListener: (l: Listener) => onDisconnect.push(l), removeListener: () => undefined },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('openMetaMask', () => {
  test('an extension that is not installed is wallet-missing, at once', async () => {
    const connect = vi.fn(portThatDrops);
    vi.stubGlobal('chrome', { runtime: { connect } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const started = Date.now();
    await expect(openMetaMask('nkbihfbeogaeaoehlefnkodbefgpgknn', 5_000)).rejects.toMatchObject({
      kind: 'wallet-missing',
      message: 'MetaMask is not installed or disabled. Install it, or use watch-only.',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(connect).toHaveBeenCalledWith('nkbihfbeogaeaoehlefnkodbefgpgknn');
  });
});

describe('which extension', () => {
  test('outside devnet builds it is MetaMask itself', () => {
    expect(METAMASK_EXTENSION).toBe('stable');
  });

  test("the test wallet's id follows from its manifest key, as Chromium computes it", () => {
    const digest = createHash('sha256').update(Buffer.from(TEST_WALLET_PUBLIC_KEY, 'base64')).digest('hex');
    const id = [...digest.slice(0, 32)].map((hex) => String.fromCharCode(97 + Number.parseInt(hex, 16))).join('');
    expect(id).toBe(TEST_WALLET_ID);
  });
});
