import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { hexToString, isHex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createChainClient } from '@/lib/chain/createChainClient';
import type { ChainConfig } from '@/lib/chain/types';
import { CompanionDatabase } from '@/lib/db/database';
import type { PageContext } from '@/lib/gates/background/pageContext';
import { unlockGate } from '@/lib/gates/background/unlockGate';
import type { PageWalletChoice } from '@/lib/gates/contract';
import { unlockSessionsOf } from '@/lib/gates/unlockSessionsRepository';
import { DEVNET_HOLDERS, type Devnet } from '../devnet/devnet';
import type { DemoServer } from '../demo-server/server';
import { ALEX_GATE_LIST } from '../demo-server/gates/alexGates';
import { ALEX, startAlexSite, type AlexSite } from './alexSite';

// Unlocking a gate as the background runs it, against Alex's gate endpoint (SIWE checked by the
// `siwe` package, balances on anvil): only the page's wallet is a fake, answering as the holder's key.

const holder1 = privateKeyToAccount(DEVNET_HOLDERS.holder1.privateKey); // 12,500 ALEX
const holder3 = privateKeyToAccount(DEVNET_HOLDERS.holder3.privateKey); // 0 ALEX
const stranger = privateKeyToAccount(`0x${'42'.repeat(32)}`);
const gate = ALEX_GATE_LIST.find((g) => g.minBalance === 10n ** 18n)!;
let devnet: Devnet;
let demo: DemoServer;
let page: PageContext;

let site: AlexSite | undefined;
beforeAll(async () => {
  site = await startAlexSite({ portA: 18945, portB: 18946 });
  ({ devnet, demo, page } = site);
});
afterAll(async () => {
  await site?.stop();
});

let opened: CompanionDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

const choice = (uuid: string, rdns: string): PageWalletChoice => ({ uuid, name: rdns, rdns, icon: null });

/** The page's wallets: `account` is what they share, `signer` what signs (another key for a lying wallet). */
function setup(account: PrivateKeyAccount, signer = account, wallets = [choice('w1', 'io.metamask')]) {
  const db = new CompanionDatabase(`unlock-${Math.random()}`);
  opened.push(db);
  const asked: string[] = [];
  const pageWallet = {
    list: async () => wallets,
    request: async (_page: unknown, _uuid: string, method: string, params: unknown[]) => {
      asked.push(method);
      if (method === 'eth_requestAccounts') return [account.address];
      const [message] = params;
      if (method === 'personal_sign' && isHex(message)) return signer.signMessage({ message: hexToString(message) });
      throw new Error(`Unexpected ${method}`);
    },
  };
  const deps = { db, clientFor: (chain: ChainConfig) => createChainClient(chain, { rpcUrls: [devnet.chains[0].rpcUrl] }), pageWallet };
  return { db, deps, asked };
}

test('under the threshold: locked with the reason, before anything is signed or sent to the creator', async () => {
  const { db, deps, asked } = setup(holder3);
  const before = demo.gateAttempts().length;
  const outcome = await unlockGate(deps, page, gate.id, null);
  expect(outcome).toMatchObject({ kind: 'view', view: { gateId: gate.id, state: 'locked', unlocked: null } });
  expect(outcome.kind === 'view' && outcome.view.note).toBe(
    `You need 1 ALEX to unlock this; ${holder3.address.slice(0, 6)}…${holder3.address.slice(-4)} holds 0 ALEX.`,
  );
  expect(asked).toEqual(['eth_requestAccounts']);
  expect(demo.gateAttempts().length).toBe(before);
  expect(await unlockSessionsOf(db, page.origin)).toEqual([]);
});

test('enough held: signed, checked here, unlocked by the creator and kept until the proof expires', async () => {
  const { db, deps, asked } = setup(holder1);
  const outcome = await unlockGate(deps, page, gate.id, null);
  expect(outcome).toMatchObject({ kind: 'view', view: { gateId: gate.id, state: 'unlocked', unlocked: { address: holder1.address } } });
  expect(asked).toEqual(['eth_requestAccounts', 'personal_sign']);
  const [session] = await unlockSessionsOf(db, page.origin);
  expect(session).toMatchObject({ gateId: gate.id, tokenId: ALEX, address: holder1.address, kind: gate.kind });
  expect(session!.expiresAt - session!.unlockedAt).toBe(24 * 60 * 60 * 1000);
});

test("a wallet whose signature is not the account's: refused here, nothing sent to the creator or kept", async () => {
  const { db, deps } = setup(holder1, stranger);
  const before = demo.gateAttempts().length;
  await expect(unlockGate(deps, page, gate.id, null)).rejects.toThrow(
    `The signature is not ${holder1.address.slice(0, 6)}…${holder1.address.slice(-4)}'s signature of the proof the companion built. Nothing was sent.`,
  );
  expect(demo.gateAttempts().length).toBe(before);
  expect(await unlockSessionsOf(db, page.origin)).toEqual([]);
});

test('several wallets in the page and none picked yet: the holder chooses, nothing is asked', async () => {
  const wallets = [choice('w1', 'io.metamask'), choice('w2', 'io.rabby')];
  const { deps, asked } = setup(holder1, holder1, wallets);
  expect(await unlockGate(deps, page, gate.id, null)).toEqual({ kind: 'choose-wallet', wallets });
  expect(asked).toEqual([]);
});
