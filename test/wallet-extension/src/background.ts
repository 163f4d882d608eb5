import { serveOtherExtensions } from './metamaskWire';
import { servePages } from './pageBridge';
import type { TestWalletControl } from './protocol';
import { WalletState } from './walletState';

// The test wallet's service worker: answers other extensions the way MetaMask does, answers pages
// through EIP-6963, and lets the test drive approvals through `globalThis.testWallet`.
const wallet = new WalletState();
serveOtherExtensions(wallet);
servePages(wallet);
(globalThis as { testWallet?: TestWalletControl }).testWallet = wallet.control();
