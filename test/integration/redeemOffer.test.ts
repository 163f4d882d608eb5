import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { SiweMessage } from 'siwe';
import { erc20Abi, hexToString, isHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { DEVNET_A } from '@/lib/chain/devnet';
import { createChainClient } from '@/lib/chain/createChainClient';
import type { ChainConfig } from '@/lib/chain/types';
import { CompanionDatabase } from '@/lib/db/database';
import type { RedemptionRow } from '@/lib/db/rows';
import type { PageContext } from '@/lib/gates/background/pageContext';
import { bookAgain, redeemOffer, resumeRedemptions } from '@/lib/offers/background/redeemOffer';
import { redemptionById } from '@/lib/offers/redemptionsRepository';
import { writeSetting } from '@/lib/settings/settingsRepository';
import { createWallet } from '@/lib/wallet/createWallet';
import { resumeTransactions } from '@/lib/wallet/sendTrackedTransaction';
import { fakeProvider } from '@/lib/wallet/testing/fakeProvider';
import { devnetClient } from '../devnet/client';
import { DEVNET_HOLDERS, type Devnet } from '../devnet/devnet';
import type { DemoServer } from '../demo-server/server';
import { ALEX_OFFERS, ALEX_RECIPIENT, OFFERS_PATH } from '../demo-server/offers/alexOffers';
import { startAlexSite, type AlexSite } from './alexSite';
import { anvilRpc as rawAnvilRpc } from './anvilRpc';

// Redeeming Alex's offer as the background runs it, against his booking endpoint (SIWE checked by
// the `siwe` package, the Transfer read from the receipt on anvil): only the wallets are fakes —
// the page's wallet signs with the holder's key, the extension's wallet forwards the send to anvil.

const E18 = 10n ** 18n;
const hour = ALEX_OFFERS.hour;
const holder1 = privateKeyToAccount(DEVNET_HOLDERS.holder1.privateKey); // 12,500 ALEX
const holder2 = privateKeyToAccount(DEVNET_HOLDERS.holder2.privateKey); // 250,000 ALEX
const holder3 = privateKeyToAccount(DEVNET_HOLDERS.holder3.privateKey);
const stranger = privateKeyToAccount(`0x${'42'.repeat(32)}`);
const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;
let devnet: Devnet;
let demo: DemoServer;
let page: PageContext;
let endpoint: string;

let site: AlexSite | undefined;
beforeAll(async () => {
  site = await startAlexSite({ portA: 19145, portB: 19146 });
  ({ devnet, demo, page } = site);
  endpoint = `${page.origin}${OFFERS_PATH}`;
});
afterAll(async () => {
  await site?.stop();
});

let opened: CompanionDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
  demo.resetBookings();
});

const balanceOf = (who: Address) =>
  devnetClient(devnet.chains[0].rpcUrl).readContract({
    address: DEVNET_A.creatorToken,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [who],
  });

/** Anvil A, the chain these tests run on. */
const anvilRpc = (method: string, params: unknown[]) => rawAnvilRpc(devnet.chains[0].rpcUrl, method, params);

/**
 * A holder's extension: the database, the anvil client, the extension's wallet (sends go to anvil)
 * and the page's wallet (`signer` signs; another key for a lying wallet). `steps` logs both in order.
 */
async function setup(account: PrivateKeyAccount, o: { signer?: PrivateKeyAccount; pageAccount?: Address } = {}) {
  const db = new CompanionDatabase(`redeem-${Math.random()}`);
  opened.push(db);
  await writeSetting(db, 'wallet', { account: account.address, chainId: DEVNET_A.chainId });
  const steps: string[] = [];
  const rowsAtFirstPrompt: RedemptionRow[][] = [];
  const provider = fakeProvider({
    eth_accounts: () => [account.address],
    eth_sendTransaction: async ([tx]) => {
      steps.push('send');
      return anvilRpc('eth_sendTransaction', [{ ...(tx as object), gas: '0x493e0' }]);
    },
  });
  const wallet = createWallet({ open: async () => provider, flag: { get: async () => true, set: async () => undefined } });
  const pageWallet = {
    list: async () => [{ uuid: 'w1', name: 'Test', rdns: 'io.metamask', icon: null }],
    request: async (_page: unknown, _uuid: string, method: string, params: unknown[]) => {
      if (steps.length === 0) rowsAtFirstPrompt.push(await db.redemptions.toArray());
      steps.push(method);
      if (method === 'eth_requestAccounts') return [o.pageAccount ?? account.address];
      const [message] = params;
      if (method === 'personal_sign' && isHex(message)) return (o.signer ?? account).signMessage({ message: hexToString(message) });
      throw new Error(`Unexpected ${method}`);
    },
  };
  const deps = {
    db,
    clientFor: (chain: ChainConfig) => createChainClient(chain, { rpcUrls: [devnet.chains[0].rpcUrl] }),
    wallet,
    pageWallet,
  };
  return { db, deps, steps, provider, rowsAtFirstPrompt };
}

describe('redeeming through the companion', () => {
  test('happy path: checked, saved, proof signed in the page, paid, followed to its receipt, booked', async () => {
    const { db, deps, steps, rowsAtFirstPrompt } = await setup(holder2);
    const [payerBefore, alexBefore] = await Promise.all([balanceOf(holder2.address), balanceOf(ALEX_RECIPIENT)]);
    const run = await redeemOffer(deps, page, hour.id);
    const row = await run.finished;
    expect(row).toMatchObject({
      status: 'booked',
      offerId: hour.id,
      price: hour.price.toString(),
      error: null,
      account: holder2.address.toLowerCase(),
    });
    expect(row!.reference).toBe(`HOUR-${row!.hash!.slice(2, 10).toUpperCase()}`);
    // Saved before any wallet opened; the proof before the payment.
    expect(rowsAtFirstPrompt[0]).toEqual([expect.objectContaining({ id: run.redemptionId, status: 'proving' })]);
    expect(steps).toEqual(['eth_requestAccounts', 'personal_sign', 'send']);
    expect(await balanceOf(holder2.address)).toBe(payerBefore - hour.price);
    expect(await balanceOf(ALEX_RECIPIENT)).toBe(alexBefore + hour.price);
    expect(await db.transactions.get(row!.transactionId!)).toMatchObject({ kind: 'redeem', status: 'confirmed', hash: row!.hash });
    expect(demo.bookings()).toEqual([
      {
        origin: demo.origins.alex,
        offer: hour.id,
        txHash: row!.hash,
        address: holder2.address,
        outcome: 'booked',
        status: 200,
        reference: row!.reference,
      },
    ]);
    const proof = new SiweMessage(row!.message!);
    expect(proof).toMatchObject({
      domain: new URL(demo.origins.alex).host,
      address: holder2.address,
      requestId: hour.id,
      chainId: DEVNET_A.chainId,
    });
    expect(proof.statement).toBe(
      `Book 'An hour of Alex's time' on ${new URL(demo.origins.alex).host}: I pay 25,000 ALEX from this account.`,
    );
  });

  test('balance too low: refused in a full sentence before anything is saved, signed or sent', async () => {
    const { db, deps, steps } = await setup(holder1);
    await expect(redeemOffer(deps, page, hour.id)).rejects.toThrow(
      `You need 25,000 ALEX for this; ${short(holder1.address)} holds 12,500 ALEX.`,
    );
    expect(steps).toEqual([]);
    expect(await db.redemptions.count()).toBe(0);
    expect(demo.bookings()).toEqual([]);
  });

  test('a site that is not confirmed, or carries a lookalike warning, is refused before anything', async () => {
    const { db, deps, steps } = await setup(holder2);
    await expect(redeemOffer(deps, { ...page, state: { ...page.state, confirmation: 'declared' } }, hour.id)).rejects.toThrow(
      "This site is not confirmed as Alex's",
    );
    const warning = 'This site’s name looks like alex.example but is not it.';
    await expect(redeemOffer(deps, { ...page, state: { ...page.state, warnings: [warning] } }, hour.id)).rejects.toThrow(
      `${warning} The companion does not pay through this site. Nothing was signed or paid.`,
    );
    expect(steps).toEqual([]);
    expect(await db.redemptions.count()).toBe(0);
  });

  test('a page wallet whose signature is not the account: refused here, nothing paid or booked', async () => {
    const { db, deps, steps } = await setup(holder2, { signer: stranger });
    const before = await balanceOf(holder2.address);
    const row = await (await redeemOffer(deps, page, hour.id)).finished;
    expect(row).toMatchObject({ status: 'failed', hash: null, transactionId: null });
    expect(row!.error).toBe(
      `The signature is not ${short(holder2.address)}'s signature of the proof the companion built. Nothing was paid.`,
    );
    expect(steps).toEqual(['eth_requestAccounts', 'personal_sign']);
    expect(await balanceOf(holder2.address)).toBe(before);
    expect(demo.bookings()).toEqual([]);
    expect(await db.transactions.count()).toBe(0);
  });

  test("the page's wallet on another account than the one that pays: refused before signing", async () => {
    const { deps, steps } = await setup(holder2, { pageAccount: holder3.address });
    const row = await (await redeemOffer(deps, page, hour.id)).finished;
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.error).toContain(`signs as ${short(holder3.address)}, but the payment comes from ${short(holder2.address)}`);
    expect(steps).toEqual(['eth_requestAccounts']);
  });

  test('resume after a restart: the worker died while the wallet was sending; the next one finds the payment and books', async () => {
    const { db, deps, provider } = await setup(holder2);
    let sent: Hex | undefined;
    provider.handle('eth_sendTransaction', async ([tx]) => {
      sent = (await anvilRpc('eth_sendTransaction', [{ ...(tx as object), gas: '0x493e0' }])) as Hex;
      return new Promise(() => undefined); // the worker stops before the wallet's answer arrives
    });
    const alexBefore = await balanceOf(ALEX_RECIPIENT);
    const { redemptionId } = await redeemOffer(deps, page, hour.id);
    await expect.poll(() => sent, { timeout: 30_000 }).toBeDefined();
    expect(await redemptionById(db, redemptionId)).toMatchObject({ status: 'paying', hash: null });

    // The next worker: reconcile the payment with the chain, then go on from the saved step.
    await Promise.all([resumeTransactions(deps), resumeRedemptions(deps)]);
    const row = await redemptionById(db, redemptionId);
    expect(row).toMatchObject({ status: 'booked', hash: sent, error: null });
    expect(await balanceOf(ALEX_RECIPIENT)).toBe(alexBefore + hour.price); // paid once
    expect(demo.bookings()).toMatchObject([{ outcome: 'booked', txHash: sent }]);
  });

  test('a proof never signed before the restart: given up, nothing paid', async () => {
    const { db, deps } = await setup(holder2);
    deps.pageWallet.request = () => new Promise(() => undefined); // the holder never answers; the worker stops
    const { redemptionId } = await redeemOffer(deps, page, hour.id);
    await resumeRedemptions(deps, Date.now() + 1);
    expect(await redemptionById(db, redemptionId)).toMatchObject({
      status: 'failed',
      error: 'The extension restarted before the proof was signed. Nothing was paid; redeem again.',
    });
  });

  test('book again: the endpoint was down after the payment; a fresh proof books it without paying twice', async () => {
    const { db, deps, steps } = await setup(holder2);
    const alexBefore = await balanceOf(ALEX_RECIPIENT);
    demo.failNextBookings(1);
    const first = await (await redeemOffer(deps, page, hour.id)).finished;
    expect(first).toMatchObject({ status: 'booking-failed', reference: null });
    expect(first!.error).toBe(
      "The creator's site refused: The booking calendar is down for a minute; try again. You paid; use “Book again” to send the payment to the creator once more (you will not pay twice).",
    );
    expect(await balanceOf(ALEX_RECIPIENT)).toBe(alexBefore + hour.price);

    const again = await (await bookAgain(deps, page, first!.id)).finished;
    expect(again).toMatchObject({ status: 'booked', hash: first!.hash, error: null });
    expect(steps).toEqual(['eth_requestAccounts', 'personal_sign', 'send', 'eth_requestAccounts', 'personal_sign']);
    expect(await balanceOf(ALEX_RECIPIENT)).toBe(alexBefore + hour.price); // one payment
    expect(demo.bookings().map((b) => [b.status, b.txHash ?? null])).toEqual([
      [503, null],
      [200, first!.hash],
    ]);
    expect(await db.transactions.count()).toBe(1);
    await expect(bookAgain(deps, page, first!.id)).rejects.toThrow(`Already booked: ${again!.reference}.`);
  });
});

describe("Alex's booking endpoint checks the payment on chain", () => {
  async function pay(from: PrivateKeyAccount, to: Address, value: bigint): Promise<Hex> {
    const client = devnetClient(devnet.chains[0].rpcUrl);
    const hash = await client.writeContract({
      account: from.address,
      chain: null,
      address: DEVNET_A.creatorToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [to, value],
    });
    await client.waitForTransactionReceipt({ hash });
    return hash;
  }

  async function proof(account: PrivateKeyAccount, signer = account): Promise<{ message: string; signature: Hex }> {
    const { nonce } = (await (await fetch(`${endpoint}/nonce`)).json()) as { nonce: string };
    const domain = new URL(demo.origins.alex).host;
    const message = new SiweMessage({
      domain,
      address: account.address,
      statement: 'Book an hour.',
      uri: demo.origins.alex,
      version: '1',
      chainId: DEVNET_A.chainId,
      nonce,
      issuedAt: new Date().toISOString(),
      expirationTime: new Date(Date.now() + 5 * 60_000).toISOString(),
      requestId: hour.id,
    }).prepareMessage();
    return { message, signature: await signer.signMessage({ message }) };
  }

  async function book(txHash: Hex, signed: { message: string; signature: Hex }) {
    const res = await fetch(`${endpoint}/book`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ offer: hour.id, txHash, ...signed }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  }

  test('the price to the recipient, from the account that signed: booked; the same payment again: refused', async () => {
    const hash = await pay(holder2, ALEX_RECIPIENT, hour.price);
    const reference = `HOUR-${hash.slice(2, 10).toUpperCase()}`;
    expect(await book(hash, await proof(holder2))).toEqual({ status: 200, body: { offer: hour.id, reference } });
    expect(await book(hash, await proof(holder2))).toEqual({
      status: 409,
      body: { error: `This payment was already used for booking ${reference}; a payment books once.` },
    });
  });

  test('too small a payment', async () => {
    const hash = await pay(holder2, ALEX_RECIPIENT, 100n * E18);
    expect(await book(hash, await proof(holder2))).toEqual({
      status: 402,
      body: { error: `This payment is 100 ALEX; "An hour of Alex's time" costs 25,000 ALEX.` },
    });
  });

  test('paid to someone else than the recipient', async () => {
    const hash = await pay(holder2, holder3.address, hour.price);
    expect(await book(hash, await proof(holder2))).toEqual({
      status: 402,
      body: {
        error: `Transaction ${hash.slice(0, 10)}… pays no ALEX to ${short(ALEX_RECIPIENT)}, who receives payments for "An hour of Alex's time".`,
      },
    });
  });

  test('paid by another account than the one that signed the proof', async () => {
    const hash = await pay(holder2, ALEX_RECIPIENT, hour.price);
    expect(await book(hash, await proof(holder1))).toEqual({
      status: 403,
      body: {
        error: `This payment comes from ${short(holder2.address)}, not from ${short(holder1.address)}, the account that signed the proof.`,
      },
    });
  });

  test('a proof signed by another key than the one it names', async () => {
    const hash = await pay(holder2, ALEX_RECIPIENT, hour.price);
    expect(await book(hash, await proof(holder2, stranger))).toEqual({
      status: 401,
      body: { error: `The signature was not made by ${short(holder2.address)}, the account the sign-in message names.` },
    });
  });
});
