import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import devnetJson from '@/lib/detect/lists/devnet.tokenlist.json';
import { CompanionDatabase } from '@/lib/db/database';
import { addTokenList } from '@/lib/lists/background/addList';
import { fetchTokenList } from '@/lib/lists/background/fetchTokenList';
import { refreshDueLists } from '@/lib/lists/background/refreshLists';
import { LIST_REFETCH_AFTER_MS, MAX_LIST_BYTES } from '@/lib/lists/core/listSource';
import { addedTokenLists, enabledListEntries } from '@/lib/lists/tokenListsRepository';

// Lists served by a real local HTTP server: what the background's fetch sees on the network.

const routes = new Map<string, { status?: number; body: string; chunked?: boolean; hang?: boolean }>();
const hits = new Map<string, number>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) return void res.writeHead(404).end('not found');
    if (route.hang) return; // never answers
    if (route.chunked) {
      // No Content-Length: the cap must hold while reading.
      res.writeHead(route.status ?? 200, { 'content-type': 'application/json' });
      const piece = route.body.slice(0, 64 * 1024);
      for (let sent = 0; sent < route.body.length; sent += piece.length) res.write(piece);
      return void res.end();
    }
    res.writeHead(route.status ?? 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(route.body) });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const good = { ...devnetJson, name: 'Good creators' };
const fresh = () => new CompanionDatabase(`lists-int-${Math.random()}`);

describe('adding a list by URL', () => {
  test('a good list is fetched, checked and cached; its tokens join the enabled entries', async () => {
    routes.set('/good.json', { body: JSON.stringify(good) });
    const db = fresh();
    await db.tokenLists.put({ url: 'shipped', enabled: false, addedAt: 0, list: null, fetchedAt: null, lastAttemptAt: 0, error: null });
    expect(await addTokenList(db, ` ${base}/good.json `, { now: 1000 })).toEqual({
      url: `${base}/good.json`,
      name: 'Good creators',
      tokens: 2,
    });
    expect((await enabledListEntries(db)).map((e) => [e.entry.symbol, e.source])).toEqual([
      ['ALEX', `${base}/good.json`],
      ['MIKE', `${base}/good.json`],
    ]);
    await expect(addTokenList(db, `${base}/good.json`)).rejects.toThrow('This list is already added; turn it on or off below.');
  });

  test.each([
    [
      'not JSON',
      { body: '<html>oops</html>' },
      /^The list at .+ is not valid JSON, so it was not used; ask its publisher to fix it or remove it\.$/,
    ],
    [
      'schema errors',
      { body: JSON.stringify({ ...good, tokens: [{ ...good.tokens[0], chainId: 0 }] }) },
      /^The list at .+ is not a valid token list, so it was not used: tokens\[0\]\.chainId: .+\.$/,
    ],
    [
      'too big (declared)',
      { body: ' '.repeat(MAX_LIST_BYTES + 1) },
      /^The list could not be used: .+ is 4097 KB; the limit is 4096 KB, so it was not added\. Check the address or try again later\.$/,
    ],
    [
      'too big (streamed)',
      { body: ' '.repeat(MAX_LIST_BYTES + 70_000), chunked: true },
      /^The list could not be used: .+ is more than 4096 KB, the limit, so it was not added\./,
    ],
    [
      'an HTTP error',
      { status: 500, body: 'boom' },
      /^The list could not be used: .+ answered HTTP 500 Internal Server Error, so it was not added\./,
    ],
  ])('%s: refused in one sentence, nothing stored', async (_, route, sentence) => {
    const path = `/broken-${Math.random()}.json`;
    routes.set(path, route);
    const db = fresh();
    await expect(addTokenList(db, `${base}${path}`)).rejects.toThrow(sentence);
    expect(await addedTokenLists(db)).toEqual([]);
  });

  test('unreachable or silent servers are explained too', async () => {
    const db = fresh();
    await expect(addTokenList(db, 'http://127.0.0.1:1/list.json')).rejects.toThrow(
      /^The list could not be used: could not fetch http:\/\/127\.0\.0\.1:1\/list\.json: .+, so it was not added\./,
    );
    routes.set('/hang.json', { body: '', hang: true });
    expect(await fetchTokenList(`${base}/hang.json`, { timeoutMs: 300 })).toEqual({
      ok: false,
      error: `The list could not be used: ${base}/hang.json did not answer within 0.3 s; the last good copy is kept. Check the address or try again later.`,
    });
    await expect(addTokenList(db, `${base}/plain-http.json`.replace('127.0.0.1', 'lists.example'))).rejects.toThrow(/must use https:\/\//);
    expect(await addedTokenLists(db)).toEqual([]);
  });
});

describe('fetched again at most daily', () => {
  test('not before a day; then a broken answer changes nothing but the note, a good one replaces the copy', async () => {
    routes.set('/daily.json', { body: JSON.stringify(good) });
    const db = fresh();
    const t0 = 1_000_000;
    await addTokenList(db, `${base}/daily.json`, { now: t0 });
    expect(hits.get('/daily.json')).toBe(1);

    expect(await refreshDueLists(db, { now: t0 + LIST_REFETCH_AFTER_MS - 1 })).toEqual([]);
    expect(hits.get('/daily.json')).toBe(1);

    routes.set('/daily.json', { body: '{"name": "broken"' });
    expect(await refreshDueLists(db, { now: t0 + LIST_REFETCH_AFTER_MS })).toEqual([`${base}/daily.json`]);
    expect(hits.get('/daily.json')).toBe(2);
    const [kept] = await addedTokenLists(db);
    expect(kept).toMatchObject({ fetchedAt: t0, lastAttemptAt: t0 + LIST_REFETCH_AFTER_MS, list: { name: 'Good creators' } });
    expect(kept?.error).toBe(
      `The list at ${base}/daily.json is not valid JSON, so it was not used; ask its publisher to fix it or remove it.`,
    );
    expect((await enabledListEntries(db)).map((e) => e.entry.symbol)).toContain('MIKE');

    // A day after the failed attempt, the publisher fixed it: the new copy is used.
    routes.set('/daily.json', { body: JSON.stringify({ ...good, name: 'Fixed creators', tokens: [good.tokens[1]] }) });
    await refreshDueLists(db, { now: t0 + 2 * LIST_REFETCH_AFTER_MS });
    const [fixed] = await addedTokenLists(db);
    expect(fixed).toMatchObject({ fetchedAt: t0 + 2 * LIST_REFETCH_AFTER_MS, error: null, list: { name: 'Fixed creators' } });
  });
});
