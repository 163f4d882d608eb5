import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { erc20Abi, type Address, type Hex } from 'viem';
import { DEVNET_A } from '@/lib/chain/devnet';
import { createChainClient } from '@/lib/chain/createChainClient';
import type { ChainConfig } from '@/lib/chain/types';
import { CompanionDatabase } from '@/lib/db/database';
import type { TransactionRow } from '@/lib/db/rows';
import { follow } from '@/lib/holdings/followsRepository';
import { claimRound } from '@/lib/income/background/claimRound';
import { ClaimsFileError } from '@/lib/income/core';
import { incomeOf } from '@/lib/income/incomeRepository';
import { collectRewards } from '@/lib/lp/background/collectRewards';
import { formatTokenId } from '@/lib/protocol/caip19';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { validateManifest } from '@/lib/protocol/validateManifest';
import { writeSetting } from '@/lib/settings/settingsRepository';
import { createWallet } from '@/lib/wallet/createWallet';
import { fakeProvider, rpcError, type FakeProvider } from '@/lib/wallet/testing/fakeProvider';
import { transactionsOf } from '@/lib/wallet/transactionsRepository';
import { WALLET_MESSAGES } from '@/lib/wallet/walletError';
import { devnetClient } from '../devnet/client';
import { DEVNET_HOLDERS, DEVNET_INCOME, startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { anvilRpc as rawAnvilRpc } from './anvilRpc';

// Claim, as the background runs it, against the real MerkleDistributor on anvil and the claims
// files on Alex's demo site: only the wallet is a fake (the real wallet code over an in-memory
// EIP-1193 provider that forwards sends to anvil), and the database is a fresh fake-IndexedDB one.

const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const { holder1, holder2, holder3 } = DEVNET_HOLDERS;
const { q1, q2 } = DEVNET_INCOME.rounds;
let devnet: Devnet;
let demo: DemoServer;
let manifest: PersonalTokenManifest;
let badFiles: Server;
let badFilesOrigin: string;

beforeAll(async () => {
  [devnet, demo] = await Promise.all([
    startDevnet({ portA: 18745, portB: 18746 }),
    startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 }),
  ]);
  const checked = validateManifest(await (await fetch(`${demo.origins.alex}/personal-token.json`)).text());
  if (!checked.ok) throw new Error(`The demo manifest is invalid: ${JSON.stringify(checked.errors)}`);
  manifest = checked.manifest;
  badFiles = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"merkleRoot": "0x12", "claims": [oops'),
  );
  await new Promise<void>((resolve) => badFiles.listen(0, '127.0.0.1', resolve));
  badFilesOrigin = `http://127.0.0.1:${(badFiles.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all([devnet?.stop(), demo?.stop(), new Promise((resolve) => badFiles?.close(resolve))]);
});

let opened: CompanionDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

/** A holder's extension: the database, the anvil client, and a wallet whose provider the test scripts. */
async function holderSetup(account: Address, manifestOverride: PersonalTokenManifest = manifest) {
  const db = new CompanionDatabase(`claim-${Math.random()}`);
  opened.push(db);
  await writeSetting(db, 'wallet', { account, chainId: DEVNET_A.chainId });
  await follow(db, {
    tokenId: ALEX,
    chainId: DEVNET_A.chainId,
    address: DEVNET_A.creatorToken,
    symbol: 'ALEX',
    name: null,
    creatorName: 'Alex',
    siteOrigin: demo.origins.alex,
    confirmation: 'confirmed',
    manifest: manifestOverride,
    followedAt: 1,
  });
  const anvil = devnetClient(devnet.chains[0].rpcUrl);
  const provider: FakeProvider = fakeProvider({
    eth_accounts: () => [account],
    // What MetaMask does after the holder confirms: send it (gas given, so a doomed send is mined and reverts).
    eth_sendTransaction: ([tx]) => anvilRpc('eth_sendTransaction', [{ ...(tx as object), gas: '0x493e0' }]),
  });
  const wallet = createWallet({ open: async () => provider, flag: { get: async () => true, set: async () => undefined } });
  const deps = { db, clientFor: (chain: ChainConfig) => createChainClient(chain, { rpcUrls: [devnet.chains[0].rpcUrl] }), wallet };
  return { db, deps, provider, anvil };
}

/** Anvil A, the chain these tests run on. */
const anvilRpc = (method: string, params: unknown[]) => rawAnvilRpc(devnet.chains[0].rpcUrl, method, params);

const sends = (provider: FakeProvider) => provider.calls.filter((c) => c.method === 'eth_sendTransaction');

async function settled(db: CompanionDatabase, id: string): Promise<TransactionRow> {
  return vi.waitFor(
    async () => {
      const row = await db.transactions.get(id);
      if (!row || row.status === 'pending' || row.status === 'awaiting-signature') throw new Error(`still ${row?.status}`);
      return row;
    },
    { timeout: 30_000, interval: 200 },
  );
}

describe('claimRound refuses before the wallet opens', () => {
  test('a claims file that is not one: its own sentence (ClaimsFileError), nothing saved or sent', async () => {
    const broken = {
      ...manifest,
      distributions: manifest.distributions.map((d) => (d.id === q1.id ? { ...d, claimsUrl: `${badFilesOrigin}/claims.json` } : d)),
    };
    const { db, deps, provider } = await holderSetup(holder1.address, broken);
    const claiming = claimRound(deps, ALEX, q1.id);
    await expect(claiming).rejects.toBeInstanceOf(ClaimsFileError);
    await expect(claiming).rejects.toThrow('The claims file is not in the Uniswap merkle-distributor format; ask the creator to check it.');
    expect(await transactionsOf(db, holder1.address)).toEqual([]);
    expect(sends(provider)).toEqual([]);
  });

  test('a round the account is not in', async () => {
    const { db, deps, provider } = await holderSetup(holder3.address);
    await expect(claimRound(deps, ALEX, q1.id)).rejects.toThrow('Your address is not part of this round.');
    expect(await transactionsOf(db, holder3.address)).toEqual([]);
    expect(sends(provider)).toEqual([]);
  });

  test('a round already claimed', async () => {
    const { db, deps, provider } = await holderSetup(holder1.address);
    await expect(claimRound(deps, ALEX, q2.id)).rejects.toThrow('You already claimed this round.');
    expect(await transactionsOf(db, holder1.address)).toEqual([]);
    expect(sends(provider)).toEqual([]);
  });

  test('a round the manifest does not declare, and a watched address without a wallet', async () => {
    const { db, deps } = await holderSetup(holder1.address);
    await expect(claimRound(deps, ALEX, 'no-such-round')).rejects.toThrow(
      'This round is not in the creator’s manifest. Follow the creator and refresh.',
    );
    await writeSetting(db, 'wallet', null);
    await expect(claimRound(deps, ALEX, q1.id)).rejects.toThrow('Connect a wallet to claim: a watched address cannot send transactions.');
  });

  test('a staking contract the manifest does not name is never called', async () => {
    const { db, deps, provider } = await holderSetup(holder1.address);
    await expect(collectRewards(deps, ALEX, DEVNET_INCOME.partnerToken.address)).rejects.toThrow(
      'This staking contract is not in the creator’s manifest; nothing was sent.',
    );
    expect(await transactionsOf(db, holder1.address)).toEqual([]);
    expect(sends(provider)).toEqual([]);
  });
});

describe('claimRound with the wallet', () => {
  test('the holder says no (4001): the record was saved before the prompt, and ends calmly as cancelled', async () => {
    const { db, deps, provider } = await holderSetup(holder2.address);
    let seenAtPrompt: TransactionRow[] = [];
    provider.handle('eth_sendTransaction', async () => {
      seenAtPrompt = await transactionsOf(db, holder2.address);
      rpcError(4001, 'User rejected the request.');
    });
    const { transactionId } = await claimRound(deps, ALEX, q1.id);
    expect(seenAtPrompt).toMatchObject([
      { id: transactionId, kind: 'claim', subject: q1.id, status: 'awaiting-signature', to: q1.distributor },
    ]);
    expect(await db.transactions.get(transactionId)).toMatchObject({ status: 'cancelled', error: WALLET_MESSAGES.cancelled, hash: null });
  });

  test('confirmed: the tokens arrive, the row is confirmed, and the refreshed income shows the round claimed', async () => {
    const { db, deps, anvil } = await holderSetup(holder1.address);
    const before = await anvil.readContract({
      address: DEVNET_A.creatorToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [holder1.address],
    });
    const { transactionId } = await claimRound(deps, ALEX, q1.id);
    const row = await settled(db, transactionId);
    expect(row).toMatchObject({ status: 'confirmed', error: null });
    const after = await anvil.readContract({
      address: DEVNET_A.creatorToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [holder1.address],
    });
    expect(after - before).toBe(1_250n * 10n ** 18n);
    await vi.waitFor(
      async () => expect((await incomeOf(db, holder1.address, ALEX))?.rounds.find((r) => r.id === q1.id)?.status).toBe('claimed'),
      { timeout: 30_000 },
    );
    await expect(claimRound(deps, ALEX, q1.id)).rejects.toThrow('You already claimed this round.');
  });

  test('reverted: claimed elsewhere between the check and the send, the mined transaction fails and says so', async () => {
    const { db, deps, provider, anvil } = await holderSetup(holder2.address);
    provider.handle('eth_sendTransaction', async ([tx]) => {
      const call = tx as { from: Address; to: Address; data: Hex };
      // Another device claims first; then the holder's own send is mined and reverts.
      await anvil.waitForTransactionReceipt({
        hash: await anvil.sendTransaction({ account: call.from, to: call.to, data: call.data, chain: null }),
      });
      return anvil.sendTransaction({ account: call.from, to: call.to, data: call.data, chain: null, gas: 300_000n });
    });
    const { transactionId } = await claimRound(deps, ALEX, q1.id);
    expect(await settled(db, transactionId)).toMatchObject({
      status: 'failed',
      error: 'The transaction was mined but reverted; nothing changed.',
    });
  });
});
