import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWallet } from './createWallet';
import { fakeProvider, rpcError, type FakeProvider } from './testing/fakeProvider';

const DISTRIBUTOR = '0x1111111111111111111111111111111111111111';
const CLAIM_DATA = '0x2e7ba6ef00';
let provider: FakeProvider;
const walletWith = (handlers: Parameters<typeof fakeProvider>[0]) => {
  provider = fakeProvider(handlers);
  return createWallet({ open: async () => provider, flag: { get: async () => true, set: async () => undefined } });
};

beforeEach(() => fakeBrowser.reset());

test('a wallet without EIP-5792 (4200) or without atomic support is not a batching wallet', async () => {
  expect(await walletWith({}).supportsAtomicBatch(31337)).toBe(false);
  expect(
    await walletWith({ wallet_getCapabilities: () => ({ '0x7a69': { atomic: { status: 'unsupported' } } }) }).supportsAtomicBatch(31337),
  ).toBe(false);
  expect(
    await walletWith({ wallet_getCapabilities: () => ({ '0x1': { atomic: { status: 'supported' } } }) }).supportsAtomicBatch(31337),
  ).toBe(false);
});

test('atomic "supported" or "ready" on the chain is; the account and chain are asked about', async () => {
  expect(
    await walletWith({ wallet_getCapabilities: () => ({ '0x7a69': { atomic: { status: 'ready' } } }) }).supportsAtomicBatch(31337),
  ).toBe(true);
  expect(provider.calls.find((c) => c.method === 'wallet_getCapabilities')?.params).toEqual([
    '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    ['0x7a69'],
  ]);
});

test('sendCalls asks for an atomic v2 batch from the account on the chain, and reads the status back', async () => {
  const wallet = walletWith({
    wallet_sendCalls: () => ({ id: 'b1' }),
    wallet_getCallsStatus: () => ({
      status: 200,
      receipts: [{ transactionHash: `0x${'ab'.repeat(32)}` }, { transactionHash: 'nonsense' }],
    }),
  });
  expect(await wallet.sendCalls(31337, [{ to: DISTRIBUTOR, data: CLAIM_DATA }])).toBe('b1');
  expect(provider.calls.find((c) => c.method === 'wallet_sendCalls')?.params).toEqual([
    {
      version: '2.0.0',
      from: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      chainId: '0x7a69',
      atomicRequired: true,
      calls: [{ to: DISTRIBUTOR, data: CLAIM_DATA }],
    },
  ]);
  expect(await wallet.callsStatus('b1')).toEqual({ status: 200, transactionHashes: [`0x${'ab'.repeat(32)}`] });
});

test('an approval never rides in a batch; a refusal is the wallet’s cancelled error', async () => {
  const wallet = walletWith({ wallet_sendCalls: () => rpcError(4001, 'User rejected the request.') });
  await expect(wallet.sendCalls(31337, [{ to: DISTRIBUTOR, data: '0x095ea7b3000000' }])).rejects.toThrow(
    'The companion never asks for token approvals or permits.',
  );
  await expect(wallet.sendCalls(31337, [{ to: DISTRIBUTOR, data: CLAIM_DATA }])).rejects.toMatchObject({ kind: 'cancelled' });
});
