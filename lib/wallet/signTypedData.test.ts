import { recoverTypedDataAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWallet, type Wallet } from './createWallet';
import { fakeProvider, rpcError, type FakeProvider } from './testing/fakeProvider';
import { permit, snapshotVote } from './testing/snapshotVote';

const holder = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const stranger = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');
let connected = false;
const flag = { get: async () => connected, set: async (value: boolean) => void (connected = value) };

/** A provider that signs v4 typed data the way MetaMask does: from the JSON it is sent. */
function signingProvider(signer = holder): FakeProvider {
  return fakeProvider({
    eth_signTypedData_v4: ([, json]) => signer.signTypedData(JSON.parse(json as string)),
  });
}

let provider: FakeProvider;
let wallet: Wallet;
beforeEach(() => {
  fakeBrowser.reset();
  provider = signingProvider();
  wallet = createWallet({ open: async () => provider, flag });
});

describe('signTypedData', () => {
  test('signs an allowed Snapshot vote; the signature recovers to the account', async () => {
    const typedData = snapshotVote(holder.address);
    const signature = await wallet.signTypedData({ account: holder.address, typedData, allowedPrimaryTypes: ['Vote'] });
    expect(await recoverTypedDataAddress({ ...typedData, signature } as never)).toBe(holder.address);
    const [call] = provider.calls;
    expect(call?.method).toBe('eth_signTypedData_v4');
    // The domain type MetaMask hashes with is derived from the domain, like snapshot.js does.
    expect(JSON.parse(call?.params[1] as string).types.EIP712Domain).toEqual([
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
    ]);
  });

  test('refuses a primary type outside the allow-list without asking the wallet', async () => {
    const attempt = wallet.signTypedData({ account: holder.address, typedData: permit(holder.address), allowedPrimaryTypes: ['Vote'] });
    await expect(attempt).rejects.toMatchObject({ kind: 'refused', message: 'The companion does not sign "Permit" messages.' });
    expect(provider.calls).toEqual([]);
  });

  test('refuses EIP712Domain as primary type and malformed messages', async () => {
    const domainOnly = { ...snapshotVote(holder.address), primaryType: 'EIP712Domain' } as never;
    await expect(
      wallet.signTypedData({ account: holder.address, typedData: domainOnly, allowedPrimaryTypes: ['EIP712Domain'] }),
    ).rejects.toMatchObject({ kind: 'refused' });
    const vote = snapshotVote(holder.address);
    const broken = { ...vote, message: { ...vote.message, choice: 'first' } };
    await expect(wallet.signTypedData({ account: holder.address, typedData: broken, allowedPrimaryTypes: ['Vote'] })).rejects.toMatchObject(
      { kind: 'refused' },
    );
    expect(provider.calls).toEqual([]);
  });

  test('a rejection in the wallet is cancelled, asked once', async () => {
    provider.handle('eth_signTypedData_v4', () => rpcError(4001, 'User rejected the request.'));
    const attempt = wallet.signTypedData({
      account: holder.address,
      typedData: snapshotVote(holder.address),
      allowedPrimaryTypes: ['Vote'],
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'cancelled', message: 'You cancelled in your wallet.' });
    expect(provider.calls.filter((c) => c.method === 'eth_signTypedData_v4')).toHaveLength(1);
  });

  test('a signature by another key is not returned', async () => {
    provider = signingProvider(stranger);
    const attempt = wallet.signTypedData({
      account: holder.address,
      typedData: snapshotVote(holder.address),
      allowedPrimaryTypes: ['Vote'],
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'unknown' });
  });

  test('something that is not a signature is not returned', async () => {
    provider.handle('eth_signTypedData_v4', () => '0x1234');
    const attempt = wallet.signTypedData({
      account: holder.address,
      typedData: snapshotVote(holder.address),
      allowedPrimaryTypes: ['Vote'],
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'unknown', message: 'Your wallet returned something that is not a signature.' });
  });
});

describe('typed message shape', () => {
  const vote = snapshotVote(holder.address);
  const sign = (message: object) =>
    wallet.signTypedData({ account: holder.address, typedData: { ...vote, message } as never, allowedPrimaryTypes: ['Vote'] });

  test.each([
    ['a missing field', (({ reason: _, ...rest }) => rest)(vote.message), 'Vote.reason: not a valid string'],
    ['an extra field', { ...vote.message, spender: holder.address }, 'Vote.spender: not a field of Vote'],
    ['a number as string', { ...vote.message, timestamp: 'soon' }, 'Vote.timestamp: not a valid uint64'],
    ['an out-of-range number', { ...vote.message, choice: 2 ** 40 }, null],
  ])('refuses %s', async (_, message, detail) => {
    const error = await sign(message).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'refused' });
    if (detail) expect((error as Error).message).toContain(detail);
    expect(provider.calls).toEqual([]);
  });
});
