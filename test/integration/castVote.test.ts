import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { TypedDataDefinition } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { DEVNET_A } from '@/lib/chain/devnet';
import { CompanionDatabase } from '@/lib/db/database';
import type { VoteRow } from '@/lib/db/rows';
import { follow } from '@/lib/holdings/followsRepository';
import { formatTokenId } from '@/lib/protocol/caip19';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { validateManifest } from '@/lib/protocol/validateManifest';
import { writeSetting } from '@/lib/settings/settingsRepository';
import { castVote } from '@/lib/votes/background/castVote';
import { resumeVotes } from '@/lib/votes/background/submitSignedVote';
import { voteHistory } from '@/lib/votes/votesRepository';
import { createWallet } from '@/lib/wallet/createWallet';
import { fakeProvider, rpcError, type FakeProvider } from '@/lib/wallet/testing/fakeProvider';
import { WALLET_MESSAGES } from '@/lib/wallet/walletError';
import { DEVNET_HOLDERS, startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { SEEDED, seedHub } from '../demo-server/hub/seed';

// Casting a vote as the background runs it: the demo hub (Snapshot-compatible, checking power on
// anvil) behind a relay the test can cut, the real wallet code over a provider that signs with
// the holder's anvil key, and a fresh fake-IndexedDB database.

const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const { holder1, holder2 } = DEVNET_HOLDERS;
let devnet: Devnet;
let demo: DemoServer;
let manifest: PersonalTokenManifest;
let relay: Server;
/** When false the relay drops vote submissions (the hub unreachable); reads still pass. */
let submissionsReach = true;
const submissions: string[] = [];

beforeAll(async () => {
  [devnet, demo] = await Promise.all([
    startDevnet({ portA: 18745, portB: 18746 }),
    startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 }),
  ]);
  await seedHub(demo.hub, { rpcUrl: devnet.chains[0].rpcUrl, multicall3: DEVNET_A.multicall3 });
  relay = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const isSubmission = req.url?.endsWith('/api/msg') ?? false;
      if (isSubmission && !submissionsReach) return void req.socket.destroy();
      if (isSubmission) submissions.push(Buffer.concat(chunks).toString());
      void fetch(`${demo.origins.alex}${req.url}`, {
        method: req.method,
        headers: { 'Content-Type': 'application/json' },
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      }).then(async (answer) => {
        res
          .writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' })
          .end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const checked = validateManifest(await (await fetch(`${demo.origins.alex}/personal-token.json`)).text());
  if (!checked.ok || !checked.manifest.votes) throw new Error('The demo manifest names no vote hub.');
  const hub = new URL(checked.manifest.votes.hub);
  manifest = {
    ...checked.manifest,
    votes: { ...checked.manifest.votes, hub: `http://127.0.0.1:${(relay.address() as AddressInfo).port}${hub.pathname}` },
  };
});
afterAll(async () => {
  await Promise.all([demo?.stop(), new Promise((resolve) => relay?.close(resolve))]);
  await devnet?.stop();
});

let opened: CompanionDatabase[] = [];
afterEach(async () => {
  submissionsReach = true;
  submissions.length = 0;
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

async function voterSetup(holder: { address: `0x${string}`; privateKey: `0x${string}` }) {
  const db = new CompanionDatabase(`vote-${Math.random()}`);
  opened.push(db);
  await writeSetting(db, 'wallet', { account: holder.address, chainId: DEVNET_A.chainId });
  await follow(db, {
    tokenId: ALEX,
    chainId: DEVNET_A.chainId,
    address: DEVNET_A.creatorToken,
    symbol: 'ALEX',
    name: null,
    creatorName: 'Alex',
    siteOrigin: demo.origins.alex,
    confirmation: 'confirmed',
    manifest,
    followedAt: 1,
  });
  const signer = privateKeyToAccount(holder.privateKey);
  const provider: FakeProvider = fakeProvider({
    eth_accounts: () => [holder.address],
    // What MetaMask does once the holder approves: sign the EIP-712 JSON it was given.
    eth_signTypedData_v4: ([, json]) => {
      const { types, ...rest } = JSON.parse(String(json)) as TypedDataDefinition & { types: Record<string, unknown> };
      const { EIP712Domain: _domainType, ...messageTypes } = types;
      return signer.signTypedData({ ...rest, types: messageTypes } as TypedDataDefinition);
    },
  });
  const wallet = createWallet({ open: async () => provider, flag: { get: async () => true, set: async () => undefined } });
  return { db, deps: { db, wallet }, provider };
}

test('the vote is saved before the wallet opens; a 4001 ends it calmly as cancelled, nothing sent', async () => {
  const { db, deps, provider } = await voterSetup(holder2);
  let atPrompt: VoteRow[] = [];
  provider.handle('eth_signTypedData_v4', async () => {
    atPrompt = await voteHistory(db, holder2.address);
    rpcError(4001, 'User rejected the request.');
  });
  const { voteId } = await castVote(deps, ALEX, SEEDED.learnNext.id, 2);
  expect(atPrompt).toMatchObject([
    { id: voteId, proposalId: SEEDED.learnNext.id, choice: 2, choiceLabel: 'Spanish', status: 'awaiting-signature', signature: null },
  ]);
  expect(await db.votes.get(voteId)).toMatchObject({ status: 'cancelled', error: WALLET_MESSAGES.cancelled, signature: null });
  expect(submissions).toEqual([]);
});

test('signed while the hub is unreachable: kept signed, then sent exactly once after a restart', async () => {
  const { db, deps } = await voterSetup(holder1);
  submissionsReach = false;
  const { voteId } = await castVote(deps, ALEX, SEEDED.learnNext.id, 3);
  const kept = await db.votes.get(voteId);
  expect(kept).toMatchObject({ status: 'signed', receipt: null });
  expect(kept?.error).toMatch(/Your signed vote is kept and will be sent again/);

  submissionsReach = true;
  await resumeVotes(deps); // what the service worker does when it starts again
  await resumeVotes(deps); // and a second start finds nothing left to send
  expect(submissions).toHaveLength(1);
  const sent = await db.votes.get(voteId);
  expect(sent).toMatchObject({ status: 'submitted', error: null });
  expect(sent?.receipt).toMatch(/^0x[0-9a-f]{64}$/);
});

test('a vote whose wallet prompt was lost with the worker is closed, not sent', async () => {
  const { db, deps, provider } = await voterSetup(holder2);
  // The worker stops while MetaMask is open: the prompt never answers.
  provider.handle('eth_signTypedData_v4', () => new Promise(() => undefined));
  void castVote(deps, ALEX, SEEDED.learnNext.id, 1);
  const [pending] = await waitForVotes(db, holder2.address);
  expect(pending).toMatchObject({ status: 'awaiting-signature' });
  await resumeVotes(deps);
  expect(await db.votes.get(pending!.id)).toMatchObject({
    status: 'failed',
    error: 'The extension restarted while your wallet was open, so nothing was sent. Vote again.',
  });
  expect(submissions).toEqual([]);
});

async function waitForVotes(db: CompanionDatabase, account: `0x${string}`): Promise<VoteRow[]> {
  for (let i = 0; i < 100; i++) {
    const rows = await voteHistory(db, account);
    if (rows.length) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('No vote was saved.');
}
