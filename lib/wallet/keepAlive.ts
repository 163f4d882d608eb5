import { browser } from 'wxt/browser';

const PING_EVERY_MS = 20_000;

/**
 * Chrome stops an idle MV3 service worker after 30 s; a holder reading a vote in MetaMask can take
 * longer. While `work` is pending, a cheap extension call every 20 s keeps the worker alive.
 */
export async function keepAliveWhile<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo(), PING_EVERY_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
