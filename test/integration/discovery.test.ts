import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEVNET_A, DEVNET_B } from '@/lib/chain/devnet';
import { clientFor } from '@/lib/chain/chainClients';
import { CompanionDatabase } from '@/lib/db/database';
import { discoverHoldings } from '@/lib/holdings/background/discoverHoldings';
import { followListed } from '@/lib/holdings/background/followListed';
import { refreshWithDiscovery } from '@/lib/holdings/background/refreshWithDiscovery';
import { toHoldingView } from '@/lib/holdings/core/holdingView';
import { discoveriesOf } from '@/lib/holdings/discoveriesRepository';
import { listFollows } from '@/lib/holdings/followsRepository';
import { holdingsOf } from '@/lib/holdings/holdingsRepository';
import { addTokenList } from '@/lib/lists/background/addList';
import { enabledListEntries } from '@/lib/lists/tokenListsRepository';
import { formatTokenId } from '@/lib/protocol/caip19';
import { writeSetting } from '@/lib/settings/settingsRepository';
import { DEVNET_HOLDERS, startDevnet, type Devnet } from '../devnet/devnet';
import { deployListedTokens, tokenListJson, type ListedDevnetToken } from '../devnet/listedTokens';
import { startRpcProxy, type RpcProxy } from '../devnet/rpcProxy';

// Discovery against the real devnet: 500 listed tokens over the two anvil chains (the shipped
// devnet list's ALEX and MIKE plus 498 from a list served over HTTP), of which the holder owns 8.

const holder = DEVNET_HOLDERS.holder1.address;
const other = DEVNET_HOLDERS.holder2.address;
let devnet: Devnet;
let listServer: Server;
let listUrl: string;
const listed: ListedDevnetToken[] = [];
let proxies: RpcProxy[] = [];

beforeAll(async () => {
  devnet = await startDevnet({ portA: 18745, portB: 18746 });
  for (const chain of devnet.chains) {
    listed.push(...(await deployListedTokens(chain, { held: 3, other: 1, clones: 244, noCode: 1 }, holder, other)));
  }
  const body = tokenListJson('Many devnet creators', listed);
  listServer = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => listServer.listen(0, '127.0.0.1', resolve));
  listUrl = `http://127.0.0.1:${(listServer.address() as AddressInfo).port}/creators.tokenlist.json`;
  proxies = await Promise.all(devnet.chains.map((chain) => startRpcProxy({ target: chain.rpcUrl })));
}, 180_000);
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  listServer?.closeAllConnections();
  await new Promise((resolve) => listServer?.close(resolve));
  await devnet?.stop();
});

async function holderDatabase(): Promise<CompanionDatabase> {
  const db = new CompanionDatabase(`discovery-${Math.random()}`);
  await writeSetting(db, 'watchAddress', holder);
  await writeSetting(db, 'rpcUrls', { [DEVNET_A.chainId]: [proxies[0]!.url], [DEVNET_B.chainId]: [proxies[1]!.url] });
  await addTokenList(db, listUrl);
  return db;
}

const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const MIKE = formatTokenId(DEVNET_B.chainId, DEVNET_B.creatorToken);

describe('every creator token the holder owns, without an indexer', () => {
  test('among 500 listed tokens on two chains, discovery finds exactly the held ones, then prices them: chains + chunks requests', async () => {
    const db = await holderDatabase();
    expect(await enabledListEntries(db)).toHaveLength(500);
    proxies.forEach((p) => p.resetCount());

    const outcome = await refreshWithDiscovery({ db, clientFor }, []);
    expect(outcome.chains.map((c) => c.error)).toEqual([null, null]);
    // Per chain: one balance multicall (250 listed, within the 500 cap), then one snapshot multicall.
    expect(proxies.map((p) => p.methods())).toEqual([
      ['eth_call', 'eth_call'],
      ['eth_call', 'eth_call'],
    ]);
    expect(proxies.map((p) => p.requestCount())).toEqual([2, 2]);

    const expected = [ALEX, MIKE, ...listed.filter((t) => t.heldBy === 'holder').map((t) => formatTokenId(t.chainId, t.address))].sort();
    const found = await discoveriesOf(db, holder);
    expect(found.map((d) => d.tokenId).sort()).toEqual(expected);
    expect(found.find((d) => d.tokenId === ALEX)).toMatchObject({
      balance: DEVNET_HOLDERS.holder1.holdings[DEVNET_A.chainId].creatorToken.toString(),
      listName: 'Devnet creators',
      domains: ['localhost:4101'],
    });

    // Each found token was read with its price in the same refresh: home can sort them by value.
    const views = new Map((await holdingsOf(db, holder)).map((row) => [row.tokenId, toHoldingView(row)]));
    for (const tokenId of expected) {
      const view = views.get(tokenId);
      expect(view?.balance, tokenId).toBe(BigInt(found.find((d) => d.tokenId === tokenId)!.balance));
      expect(view?.valueUsdE18, tokenId).toBeGreaterThan(0n);
    }
  });

  test('in chunks: one eth_call per chain per chunk, all sent at once', async () => {
    const db = await holderDatabase();
    proxies.forEach((p) => p.resetCount());
    const outcome = await discoverHoldings({ db, clientFor }, { chunkSize: 100 });
    expect(outcome.chains).toEqual([
      { chainId: DEVNET_A.chainId, checked: 250, error: null },
      { chainId: DEVNET_B.chainId, checked: 250, error: null },
    ]);
    expect(outcome.held).toHaveLength(8);
    // 250 tokens in chunks of 100: 3 eth_calls per chain; the transport may carry them in one HTTP batch.
    expect(proxies.map((p) => p.methods())).toEqual([
      ['eth_call', 'eth_call', 'eth_call'],
      ['eth_call', 'eth_call', 'eth_call'],
    ]);
    for (const p of proxies) expect(p.requestCount()).toBeLessThanOrEqual(3);
  });

  test('a chain that fails keeps what it found before; the other chain still reports', async () => {
    const db = await holderDatabase();
    await discoverHoldings({ db, clientFor });
    proxies[1]!.setFault({ kind: 'status', status: 503, retryAfter: '3600' });
    try {
      const outcome = await discoverHoldings({ db, clientFor });
      expect(outcome.chains[0]).toEqual({ chainId: DEVNET_A.chainId, checked: 250, error: null });
      expect(outcome.chains[1]?.error).toMatch(/^Could not look for listed tokens on .+: /);
    } finally {
      proxies[1]!.setFault(null);
    }
    expect((await discoveriesOf(db, holder)).filter((d) => d.chainId === DEVNET_B.chainId)).toHaveLength(4);
  });

  test('one-click Follow of a found token; a token in no enabled list is refused', async () => {
    const db = await holderDatabase();
    const found = listed.find((t) => t.heldBy === 'holder' && t.chainId === DEVNET_B.chainId)!;
    const tokenId = formatTokenId(found.chainId, found.address);
    expect(await followListed(db, tokenId, 5)).toEqual({ tokenId });
    expect(await listFollows(db)).toMatchObject([
      { tokenId, symbol: found.symbol, name: found.name, confirmation: 'declared', followedAt: 5 },
    ]);
    await followListed(db, ALEX, 6);
    expect((await listFollows(db)).find((f) => f.tokenId === ALEX)).toMatchObject({ confirmation: 'confirmed', symbol: 'ALEX' });
    await expect(followListed(db, formatTokenId(DEVNET_A.chainId, '0x000000000000000000000000000000000000dEaD'))).rejects.toThrow(
      'This token is no longer in an enabled list; turn its list back on in Settings to follow it from here.',
    );
  });
});
