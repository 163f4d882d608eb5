import { encodeFunctionData, erc20Abi, type Hex } from 'viem';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWallet, type Wallet } from './createWallet';
import { fakeProvider, rpcError, type FakeProvider } from './testing/fakeProvider';

const ALEX = '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const HOLDER_3 = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const HASH = `0x${'ab'.repeat(32)}` as Hex;
const transfer = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [HOLDER_3, 10n ** 18n] });
const flag = { get: async () => true, set: async () => undefined };

/** A wallet on 31337 that can switch to 31338 and knows nothing else (4902). */
function chainAwareProvider(): FakeProvider {
  let chainId = '0x7a69';
  return fakeProvider({
    eth_chainId: () => chainId,
    wallet_switchEthereumChain: ([target]) => {
      const wanted = (target as { chainId: string }).chainId;
      if (wanted !== '0x7a69' && wanted !== '0x7a6a') rpcError(4902, `Unrecognized chain ID "${wanted}".`);
      chainId = wanted;
      return null;
    },
    eth_sendTransaction: () => HASH,
  });
}

let provider: FakeProvider;
let wallet: Wallet;
beforeEach(() => {
  fakeBrowser.reset();
  provider = chainAwareProvider();
  wallet = createWallet({ open: async () => provider, flag });
});
const methods = () => provider.calls.map((c) => c.method);

describe('sendTransaction', () => {
  test('on the right chain: no switch, from the connected account, chain id pinned', async () => {
    expect(await wallet.sendTransaction({ chainId: 31337, to: ALEX, data: transfer })).toBe(HASH);
    expect(methods()).toEqual(['eth_accounts', 'eth_chainId', 'eth_sendTransaction']);
    expect(provider.calls.at(-1)?.params[0]).toEqual({
      from: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      to: ALEX,
      chainId: '0x7a69',
      data: transfer,
    });
  });

  test('on another chain: switches first, then sends', async () => {
    await wallet.sendTransaction({ chainId: 31338, to: ALEX, value: 5n });
    expect(methods()).toEqual(['eth_accounts', 'eth_chainId', 'wallet_switchEthereumChain', 'eth_chainId', 'eth_sendTransaction']);
    expect(provider.calls[2]?.params).toEqual([{ chainId: '0x7a6a' }]);
    expect(provider.calls.at(-1)?.params[0]).toMatchObject({ chainId: '0x7a6a', value: '0x5' });
  });

  test('a refused switch is a wrong chain, and nothing is sent', async () => {
    provider.handle('wallet_switchEthereumChain', () => rpcError(4001, 'User rejected the request.'));
    await expect(wallet.sendTransaction({ chainId: 31338, to: ALEX })).rejects.toMatchObject({
      kind: 'wrong-chain',
      message: 'This needs Devnet B, and your wallet stayed on another network. Switch to Devnet B in MetaMask, then try again.',
    });
    expect(methods()).not.toContain('eth_sendTransaction');
  });

  test('a chain the wallet does not know is a wrong chain', async () => {
    await expect(wallet.switchChain(5)).rejects.toMatchObject({
      kind: 'wrong-chain',
      message: 'Your wallet does not know chain 5 (chain id 5). Add it in MetaMask, then try again.',
    });
  });

  test('a wallet that says it switched but did not is caught', async () => {
    provider.handle('wallet_switchEthereumChain', () => null);
    await expect(wallet.switchChain(31338)).rejects.toMatchObject({ kind: 'wrong-chain' });
  });

  test('approvals and permits are refused before the wallet is asked', async () => {
    const approve = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [HOLDER_3, 2n ** 256n - 1n] });
    for (const data of [approve, approve.toUpperCase().replace('0X', '0x') as Hex]) {
      await expect(wallet.sendTransaction({ chainId: 31337, to: ALEX, data })).rejects.toMatchObject({ kind: 'refused' });
    }
    expect(provider.calls).toEqual([]);
  });

  test('without a connected account nothing is sent', async () => {
    provider.handle('eth_accounts', () => []);
    await expect(wallet.sendTransaction({ chainId: 31337, to: ALEX })).rejects.toMatchObject({ message: 'Connect your wallet first.' });
  });

  test('a rejected transaction is cancelled', async () => {
    provider.handle('eth_sendTransaction', () => rpcError(4001, 'User denied transaction signature.'));
    await expect(wallet.sendTransaction({ chainId: 31337, to: ALEX })).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
