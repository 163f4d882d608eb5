import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEVNET_A } from '@/lib/chain/devnet';
import { clientFor } from '@/lib/chain/chainClients';
import { CompanionDatabase } from '@/lib/db/database';
import { follow } from '@/lib/holdings/followsRepository';
import { writeSetting } from '@/lib/settings/settingsRepository';
import { formatTokenId } from '@/lib/protocol/caip19';
import { validateManifest } from '@/lib/protocol/validateManifest';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { runAlertRefresh, type AlertSurface } from '@/lib/alerts/background/alertRefresh';
import { alertKey, notificationId } from '@/lib/alerts/core/alerts';
import { DEFAULT_ALERT_PREFS } from '@/lib/alerts/core/alerts';
import { deployExtraCreatorTokens, DEVNET_HOLDERS, DEVNET_INCOME, startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { SEEDED, seedHub } from '../demo-server/hub/seed';
import { startRpcProxy } from '../devnet/rpcProxy';

// The background alert refresh against the real devnet, Alex's site and his vote hub: what is
// due is notified once, a second refresh notifies nothing, and what it costs on the chain and hub.

const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const holder = DEVNET_HOLDERS.holder1.address;
const { q1, partner } = DEVNET_INCOME.rounds;
let devnet: Devnet;
let demo: DemoServer;
let proxy: Awaited<ReturnType<typeof startRpcProxy>>;
let manifest: PersonalTokenManifest;
let openProposals: string[];

beforeAll(async () => {
  [devnet, demo] = await Promise.all([
    startDevnet({ portA: 18945, portB: 18946 }),
    startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 }),
  ]);
  await seedHub(demo.hub, { rpcUrl: devnet.chains[0].rpcUrl, multicall3: DEVNET_A.multicall3 });
  // Every seeded proposal but the habit vote, which closed a day ago, is open for a week.
  openProposals = Object.values(SEEDED)
    .filter((p) => p.id !== SEEDED.habit.id)
    .map((p) => p.id);
  proxy = await startRpcProxy({ target: devnet.chains[0].rpcUrl });
  const parsed = validateManifest(await (await fetch(`${demo.origins.alex}/personal-token.json`)).text());
  if (!parsed.ok) throw new Error('Alex’s demo manifest is invalid');
  manifest = parsed.manifest;
}, 120_000);
afterAll(async () => {
  await proxy?.stop();
  await Promise.all([devnet?.stop(), demo?.stop()]);
});

function recorder() {
  const shown: { id: string; title: string; message: string }[] = [];
  const counts: number[] = [];
  const surface: AlertSurface = {
    show: async (n) => void shown.push(n),
    setCount: async (count) => void counts.push(count),
  };
  return { surface, shown, counts };
}

async function holderDatabase(edit: (m: PersonalTokenManifest) => PersonalTokenManifest = (m) => m): Promise<CompanionDatabase> {
  const db = new CompanionDatabase(`alerts-${Math.random()}`);
  await writeSetting(db, 'watchAddress', holder);
  await writeSetting(db, 'rpcUrls', { [DEVNET_A.chainId]: [proxy.url] });
  await follow(db, {
    tokenId: ALEX,
    chainId: DEVNET_A.chainId,
    address: DEVNET_A.creatorToken,
    symbol: 'ALEX',
    name: 'Alex Masmej',
    creatorName: 'Alex Masmej',
    siteOrigin: demo.origins.alex,
    confirmation: 'confirmed',
    manifest: edit(structuredClone(manifest)),
    followedAt: 1,
  });
  return db;
}

function countingFetch() {
  const urls: string[] = [];
  const counted: typeof fetch = (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  return { fetch: counted, urls };
}

test('nothing followed: the refresh reads nothing and the badge is cleared', async () => {
  const db = new CompanionDatabase(`alerts-${Math.random()}`);
  const { surface, shown, counts } = recorder();
  const before = proxy.requestCount();
  const net = countingFetch();
  expect(await runAlertRefresh({ db, clientFor, surface, fetch: net.fetch })).toMatchObject({ skipped: true, waiting: 0 });
  expect(proxy.requestCount() - before).toBe(0);
  expect(net.urls).toEqual([]);
  expect(shown).toEqual([]);
  expect(counts).toEqual([0]);
  expect(await db.alertRuns.get('last')).toMatchObject({ skipped: true });
});

test('first refresh notifies what is due, once; the second notifies nothing and reads the chain once; one hub request each', async () => {
  const db = await holderDatabase();
  const first = recorder();
  const net = countingFetch();
  const before = { requests: proxy.requestCount(), calls: proxy.callCount() };
  const result = await runAlertRefresh({ db, clientFor, surface: first.surface, fetch: net.fetch });
  expect(result.problems).toEqual([]);
  // The holdings refresh's multicall, plus (this first time only) one JSON-RPC batch for Alex's
  // snapshot reward program: its two eth_calls at the start and end blocks, stored with the row.
  expect(proxy.requestCount() - before.requests).toBe(2);
  expect(proxy.callCount() - before.calls).toBe(3);
  expect(net.urls.filter((u) => u.endsWith('/graphql'))).toHaveLength(1);

  const waiting = (await db.alerts.toArray()).map((a) => a.key).sort();
  expect(waiting).toEqual(
    [
      alertKey('new-round', ALEX, q1.id),
      alertKey('new-round', ALEX, partner.id),
      ...openProposals.map((id) => alertKey('new-proposal', ALEX, id)),
    ].sort(),
  );
  expect(first.counts).toEqual([waiting.length]);
  // More than three at once: one summary notification that opens Alex.
  expect(first.shown).toHaveLength(1);
  expect(first.shown[0]).toMatchObject({
    title: `${waiting.length} things need you`,
    message: 'From Alex Masmej. Open the companion to see them.',
  });
  expect((await db.alertsSeen.toArray()).map((s) => s.key).sort()).toEqual(waiting);

  const second = recorder();
  const programBefore = (await db.income.toArray())[0]?.programs[0];
  const beforeAgain = { requests: proxy.requestCount(), calls: proxy.callCount() };
  const again = await runAlertRefresh({ db, clientFor, surface: second.surface, fetch: net.fetch });
  // Past blocks never change: the program's readings are reused, only the current block is read.
  expect(proxy.requestCount() - beforeAgain.requests).toBe(1);
  expect(proxy.callCount() - beforeAgain.calls).toBe(1);
  const programAfter = (await db.income.toArray())[0]?.programs[0];
  expect(programAfter).toMatchObject({ ended: true, readings: { start: { block: DEVNET_INCOME.snapshotProgram.startBlock } } });
  expect(programAfter?.estimate).toBe(programBefore?.estimate);
  expect(BigInt(programAfter!.estimate)).toBeGreaterThan(0n);
  expect(again).toMatchObject({ skipped: false, waiting: waiting.length, notified: [] });
  expect(second.shown).toEqual([]);
  expect(second.counts).toEqual([waiting.length]);
});

test('a round ending within three days is announced as about to expire; a kind turned off is not', async () => {
  const endsAt = new Date(Date.now() + 10 * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const db = await holderDatabase((m) => ({
    ...m,
    distributions: m.distributions.map((d) => (d.id === q1.id ? { ...d, endsAt } : d)),
    votes: undefined,
  }));
  await writeSetting(db, 'alerts', { ...DEFAULT_ALERT_PREFS, kinds: { ...DEFAULT_ALERT_PREFS.kinds, 'new-round': false } });
  const { surface, shown } = recorder();
  await runAlertRefresh({ db, clientFor, surface });
  expect(shown).toEqual([
    {
      id: notificationId(ALEX, alertKey('claim-expiring', ALEX, q1.id)),
      tokenId: ALEX,
      title: 'Alex Masmej: claim before it ends',
      message: `“${q1.title}” stops paying out in 10 hours; claim 1,250 ALEX before then.`,
    },
  ]);
});

test('a vote closing within 24 hours is urgent until the holder has voted, here or elsewhere (asked of the hub)', async () => {
  const store = demo.hub.store;
  const closingId = `0x${'c1'.repeat(32)}`;
  const template = store.listProposals({ id: SEEDED.learnNext.id })[0]!;
  store.addProposal({ ...template, id: closingId, title: 'Closing tonight', end: store.now() + 3 * 3_600 });
  const closing = alertKey('vote-closing', ALEX, closingId);

  const db = await holderDatabase();
  const first = recorder();
  await runAlertRefresh({ db, clientFor, surface: first.surface });
  expect((await db.alerts.get(closing))?.message).toBe('“Closing tonight” closes in 3 hours and you have not voted.');

  // The holder votes on the hub's own page: a fresh profile (nothing seen) is not told to vote.
  const [vote] = store.votesOf(SEEDED.learnNext.id);
  store.putVote({ ...vote!, id: `0x${'d2'.repeat(32)}`, proposal: closingId, voter: holder });
  const fresh = await holderDatabase();
  const net = countingFetch();
  await runAlertRefresh({ db: fresh, clientFor, surface: recorder().surface, fetch: net.fetch });
  expect(await fresh.alerts.get(closing)).toBeUndefined();
  expect(await fresh.alerts.get(alertKey('new-proposal', ALEX, closingId))).toBeDefined();
  // One request for the open proposals, one for the holder's vote on the closing one.
  expect(net.urls.filter((u) => u.endsWith('/graphql'))).toHaveLength(2);
});

test('50 followed creators (Alex with rounds, rewards and votes, 49 with a pair): one RPC request per refresh once past readings are kept', async () => {
  const extra = await deployExtraCreatorTokens(devnet.chains[0], 49, holder);
  const db = await holderDatabase();
  for (const [i, { token }] of extra.entries())
    await follow(db, {
      tokenId: formatTokenId(DEVNET_A.chainId, token),
      chainId: DEVNET_A.chainId,
      address: token,
      symbol: null,
      name: null,
      creatorName: `Creator ${i + 1}`,
      siteOrigin: null,
      confirmation: 'declared',
      manifest: null,
      followedAt: 2 + i,
    });
  const run = async () => {
    const before = proxy.requestCount();
    const result = await runAlertRefresh({ db, clientFor, surface: recorder().surface, fetch: countingFetch().fetch });
    expect(result.problems).toEqual([]);
    return proxy.requestCount() - before;
  };
  expect(await run()).toBe(2); // the first: the program's start and end readings, once
  expect(await run()).toBe(1);
  expect(await run()).toBe(1);
  expect(await db.holdings.count()).toBe(50);
});
