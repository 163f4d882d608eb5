import type { Worker } from 'playwright-core';
import type { ApprovalMode, LogEntry, PendingRequest, TestWalletControl } from './src/protocol';

/** The test's handle on the test wallet: `globalThis.testWallet` in its service worker, typed. */
export interface TestWalletDriver {
  setMode(mode: ApprovalMode): Promise<void>;
  /** Signs with this key from now on; returns its address. */
  setAccount(privateKey: `0x${string}`): Promise<string>;
  pending(): Promise<PendingRequest[]>;
  approve(id: number): Promise<boolean>;
  reject(id: number): Promise<boolean>;
  log(): Promise<LogEntry[]>;
  setAvailable(available: boolean): Promise<void>;
  /** EIP-5792 batching on or off (off by default and after reset). */
  setBatching(on: boolean): Promise<void>;
  reset(): Promise<void>;
  /** Waits until a request (of `method`, if given) waits for approval, and returns it. */
  waitForPending(method?: string, timeoutMs?: number): Promise<PendingRequest>;
}

type InWallet = { testWallet: TestWalletControl };

// Each call is its own evaluate: only the function's source reaches the wallet's service worker (no
// closures), and extension CSP forbids eval there, so there is no generic "run this" helper.

export function testWalletDriver(worker: () => Worker): TestWalletDriver {
  const driver: TestWalletDriver = {
    setMode: (mode) => worker().evaluate((m) => (globalThis as unknown as InWallet).testWallet.setMode(m), mode),
    setAccount: (key) => worker().evaluate((k) => (globalThis as unknown as InWallet).testWallet.setAccount(k), key),
    pending: () => worker().evaluate(() => (globalThis as unknown as InWallet).testWallet.pending()),
    approve: (id) => worker().evaluate((i) => (globalThis as unknown as InWallet).testWallet.approve(i), id),
    reject: (id) => worker().evaluate((i) => (globalThis as unknown as InWallet).testWallet.reject(i), id),
    log: () => worker().evaluate(() => (globalThis as unknown as InWallet).testWallet.log()),
    setAvailable: (available) => worker().evaluate((a) => (globalThis as unknown as InWallet).testWallet.setAvailable(a), available),
    setBatching: (on) => worker().evaluate((b) => (globalThis as unknown as InWallet).testWallet.setBatching(b), on),
    reset: () => worker().evaluate(() => (globalThis as unknown as InWallet).testWallet.reset()),
    async waitForPending(method, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await driver.pending()).find((request) => method === undefined || request.method === method);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No ${method ?? 'request'} waiting in the test wallet after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  return driver;
}
