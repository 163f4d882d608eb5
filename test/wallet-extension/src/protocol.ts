// What the test wallet's pieces say to each other. Shared by the background, the page relay and
// the main-world provider, so it holds types and constants only.

export type ApprovalMode = 'approve' | 'reject' | 'manual';

/** A request that needs the holder's "yes" (in MetaMask: a window), waiting in manual mode. */
export interface PendingRequest {
  id: number;
  /** Who asked: `chrome-extension://<id>` for an extension, the page's origin for a page. */
  origin: string;
  method: string;
  params: unknown[];
}

export interface LogEntry extends PendingRequest {
  outcome: 'answered' | 'approved' | 'rejected' | 'failed';
  error?: { code: number; message: string };
}

/** `globalThis.testWallet` in the test wallet's service worker. */
export interface TestWalletControl {
  /** Signs with this anvil key from now on; permitted origins hear accountsChanged. */
  setAccount(privateKey: `0x${string}`): string;
  setMode(mode: ApprovalMode): void;
  pending(): PendingRequest[];
  /** Approves or rejects (EIP-1193 4001) a pending request; false if there is none with that id. */
  approve(id: number): boolean;
  reject(id: number): boolean;
  log(): LogEntry[];
  /** false: like a disabled MetaMask, drop every extension's port and refuse new ones. */
  setAvailable(available: boolean): void;
  /**
   * true: answers EIP-5792 (`wallet_getCapabilities` reports atomic batches, `wallet_sendCalls`,
   * `wallet_getCallsStatus`); false (the default): those methods answer 4200, like a wallet without them.
   */
  setBatching(on: boolean): void;
  /** Back to the start: anvil account 1, approve mode, chain 31337, no permissions, no batching, empty log. */
  reset(): void;
}

export type WalletEvent = { type: 'accountsChanged'; accounts: string[] } | { type: 'chainChanged'; chainId: number };

/** Port name the page relay uses to reach the background. */
export const PAGE_PORT = 'test-wallet-page';
/** window.postMessage channels between the main-world provider and the relay. */
export const TO_RELAY = 'personal-token-test-wallet:request';
export const TO_PAGE = 'personal-token-test-wallet:response';
