import { createPublicClient, encodeFunctionData, erc20Abi, http, recoverTypedDataAddress, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEVNET_A, DEVNET_B } from '@/lib/chain/devnet';
import { permit, snapshotVote } from '@/lib/wallet/testing/snapshotVote';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { companionWallet } from '../wallet-extension/companionHook';
import { startJourneys, type WalletJourneys } from './fixtures';
import { launchWithExtension } from './harness/browser';

// lib/wallet in the companion's real service worker, talking MetaMask's wire protocol to the test
// wallet (an anvil key), against the real devnet: connect, sign, reject, switch chains, send.
let j: WalletJourneys;
let wallet: ReturnType<typeof companionWallet>;
const holder1 = DEVNET_HOLDERS.holder1.address;
const holder3 = DEVNET_HOLDERS.holder3.address;
const ONE = 10n ** 18n;

beforeAll(async () => {
  j = await startJourneys({ withTestWallet: true });
  wallet = companionWallet(() => j.browser.serviceWorker);
});
afterAll(() => j?.stop());
beforeEach(async () => {
  await wallet.call('disconnect');
  await j.browser.wallet.reset();
});

const ourOrigin = () => `chrome-extension://${j.browser.extensionId}`;
const logged = async (method: string) => (await j.browser.wallet.log()).filter((entry) => entry.method === method);
const balanceOf = (rpcUrl: string, token: Address, account: Address) =>
  createPublicClient({ transport: http(rpcUrl) }).readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [account],
  });
const receiptOf = (rpcUrl: string, hash: Hex) =>
  createPublicClient({ transport: http(rpcUrl) }).waitForTransactionReceipt({ hash, timeout: 15_000 });
const transfer = (to: Address, amount: bigint) => encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] });

describe('the companion and a MetaMask-protocol wallet', () => {
  test('connect: the account is holder 1 on chain 31337, and the wallet saw our extension ask', async () => {
    expect(await wallet.call('current')).toEqual({ ok: true, value: null });
    expect(await wallet.call('connect')).toEqual({ ok: true, value: { account: holder1, chainId: 31337 } });
    expect(await wallet.call('current')).toEqual({ ok: true, value: { account: holder1, chainId: 31337 } });
    const [connect] = await logged('eth_requestAccounts');
    expect(connect).toMatchObject({ origin: ourOrigin(), outcome: 'approved' });
  });

  test('a Snapshot vote is signed in the wallet and the signature recovers to the account', async () => {
    await wallet.call('connect');
    const typedData = snapshotVote(holder1, Math.floor(Date.now() / 1000));
    const signed = await wallet.call('signTypedData', holder1, typedData, ['Vote']);
    if (!signed.ok) throw new Error(signed.message);
    expect(await recoverTypedDataAddress({ ...typedData, signature: signed.value } as never)).toBe(holder1);
    const [request] = await logged('eth_signTypedData_v4');
    expect(request).toMatchObject({ origin: ourOrigin(), outcome: 'approved' });
  });

  test('a Permit is refused before the wallet sees it', async () => {
    await wallet.call('connect');
    expect(await wallet.call('signTypedData', holder1, permit(holder1), ['Vote'])).toMatchObject({ ok: false, kind: 'refused' });
    expect(await logged('eth_signTypedData_v4')).toEqual([]);
  });

  test('reject in the wallet: a calm "cancelled", asked once', async () => {
    await wallet.call('connect');
    await j.browser.wallet.setMode('reject');
    expect(await wallet.call('signTypedData', holder1, snapshotVote(holder1), ['Vote'])).toEqual({
      ok: false,
      kind: 'cancelled',
      message: 'You cancelled in your wallet.',
    });
    expect((await logged('eth_signTypedData_v4')).map((entry) => entry.outcome)).toEqual(['rejected']);
  });

  test('a request waits in the wallet until approved; asking again meanwhile is wallet-busy', async () => {
    await j.browser.wallet.setMode('manual');
    const first = wallet.call('connect');
    const waiting = await j.browser.wallet.waitForPending('eth_requestAccounts');
    expect(waiting.origin).toBe(ourOrigin());
    expect(await wallet.call('connect')).toMatchObject({ ok: false, kind: 'wallet-busy' });
    expect(await j.browser.wallet.approve(waiting.id)).toBe(true);
    expect(await first).toEqual({ ok: true, value: { account: holder1, chainId: 31337 } });
  });

  test('switching 31337 → 31338 and back; ERC-20 transfers land on each chain', async () => {
    await wallet.call('connect');
    const [chainA, chainB] = j.devnet.chains;
    const mikeBefore = await balanceOf(chainB.rpcUrl, DEVNET_B.creatorToken, holder3);
    const sentMike = await wallet.call('sendTransaction', { chainId: 31338, to: DEVNET_B.creatorToken, data: transfer(holder3, 2n * ONE) });
    if (!sentMike.ok) throw new Error(sentMike.message);
    expect((await receiptOf(chainB.rpcUrl, sentMike.value)).status).toBe('success');
    expect(await balanceOf(chainB.rpcUrl, DEVNET_B.creatorToken, holder3)).toBe(mikeBefore + 2n * ONE);
    expect(await wallet.call('current')).toEqual({ ok: true, value: { account: holder1, chainId: 31338 } });
    await expect.poll(() => wallet.changes()).toContainEqual({ type: 'chain', chainId: 31338 });

    const alexBefore = await balanceOf(chainA.rpcUrl, DEVNET_A.creatorToken, holder3);
    const sentAlex = await wallet.call('sendTransaction', { chainId: 31337, to: DEVNET_A.creatorToken, data: transfer(holder3, ONE) });
    if (!sentAlex.ok) throw new Error(sentAlex.message);
    expect((await receiptOf(chainA.rpcUrl, sentAlex.value)).status).toBe('success');
    expect(await balanceOf(chainA.rpcUrl, DEVNET_A.creatorToken, holder3)).toBe(alexBefore + ONE);
    const switches = await logged('wallet_switchEthereumChain');
    expect(switches.map((entry) => entry.params)).toEqual([[{ chainId: '0x7a6a' }], [{ chainId: '0x7a69' }]]);
  });

  test('wrong chain: a refused switch and an unknown chain say so, and nothing is sent', async () => {
    await wallet.call('connect');
    await j.browser.wallet.setMode('reject');
    const refused = await wallet.call('sendTransaction', { chainId: 31338, to: DEVNET_B.creatorToken, data: transfer(holder3, ONE) });
    expect(refused).toMatchObject({ ok: false, kind: 'wrong-chain' });
    expect(refused.ok ? '' : refused.message).toMatch(/^This needs Devnet B, and your wallet stayed on another network\./);
    expect(await wallet.call('switchChain', 1)).toMatchObject({ ok: false, kind: 'wrong-chain' });
    expect(await logged('eth_sendTransaction')).toEqual([]);
  });

  test('wallet missing: like a disabled MetaMask, then back', async () => {
    await wallet.call('connect');
    await j.browser.wallet.setAvailable(false);
    await expect.poll(() => wallet.changes()).toContainEqual({ type: 'disconnect' });
    expect(await wallet.call('connect')).toEqual({
      ok: false,
      kind: 'wallet-missing',
      message: 'MetaMask is not installed or disabled. Install it, or use watch-only.',
    });
    await j.browser.wallet.setAvailable(true);
    expect(await wallet.call('connect')).toMatchObject({ ok: true });
  });

  test('disconnect revokes in the wallet; the companion then reads as not connected', async () => {
    await wallet.call('connect');
    expect(await wallet.call('disconnect')).toEqual({ ok: true });
    expect(await logged('wallet_revokePermissions')).toHaveLength(1);
    expect(await wallet.call('current')).toEqual({ ok: true, value: null });
  });
});

test('no wallet extension at all: wallet-missing at once, nothing hangs', async () => {
  const browser = await launchWithExtension(); // the devnet build, without the test wallet beside it
  try {
    const started = Date.now();
    expect(await companionWallet(() => browser.serviceWorker).call('connect')).toMatchObject({ ok: false, kind: 'wallet-missing' });
    expect(Date.now() - started).toBeLessThan(5_000);
  } finally {
    await browser.close();
  }
});
