import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseTokenList, type TokenList } from '../../detect/core/tokenListSchema';
import { ALEX_TOKEN, fullManifest, minimalManifest } from '../testManifests';
import { validateTarget, type ValidateTargetDeps } from './validateTarget';

// A real HTTP server on 127.0.0.1 (a local host, so http is allowed), no fetch mocks.
type Route = { type?: string; body: string; status?: number; chunked?: boolean; hang?: boolean; location?: string };
const routes = new Map<string, Route>();
let server: Server;
let origin = '';
let otherOrigin = '';

const page = (head: string) => `<!doctype html><html><head><title>Alex</title>${head}</head><body>hi</body></html>`;
const tags = (href = '/personal-token.json', token = ALEX_TOKEN) =>
  `<meta name="personal-token" content="${token}"><link rel="personal-token-manifest" href="${href}">`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (!route) return void res.writeHead(404).end('not found');
    if (route.hang) return; // never answers
    const headers: Record<string, string> = { 'content-type': route.type ?? 'application/json' };
    if (route.location) headers.location = route.location.replace('OTHER', otherOrigin);
    if (!route.chunked) headers['content-length'] = String(Buffer.byteLength(route.body));
    res.writeHead(route.status ?? 200, headers);
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  otherOrigin = `http://localhost:${port}`; // same server, different origin

  const good = JSON.stringify(fullManifest());
  routes.set('/personal-token.json', { body: good });
  routes.set('/', { type: 'text/html; charset=utf-8', body: page(tags()) });
  routes.set('/plain', { type: 'text/html', body: page('') });
  routes.set('/token-only', { type: 'text/html', body: page(`<meta name="personal-token" content="${ALEX_TOKEN}">`) });
  routes.set('/mismatch', { type: 'text/html', body: page(tags('/personal-token.json', ALEX_TOKEN.replace('31337', '31338'))) });
  routes.set('/cross-origin', { type: 'text/html', body: page(tags('https://evil.example/personal-token.json')) });
  routes.set('/broken', { type: 'text/html', body: page(tags('/broken.json')) });
  routes.set('/broken.json', { body: good.slice(0, 80) });
  routes.set('/missing', { type: 'text/html', body: page(tags('/nope.json')) });
  routes.set('/redirect', { type: 'text/html', body: page(tags('/redirect.json')) });
  routes.set('/redirect.json', { status: 302, body: '', location: 'OTHER/personal-token.json' });
  routes.set('/big.json', { body: `${good}${' '.repeat(70 * 1024)}` });
  routes.set('/big-chunked.json', { body: `${good}${' '.repeat(70 * 1024)}`, chunked: true });
  routes.set('/slow', { type: 'text/html', body: page(tags('/slow.json')) });
  routes.set('/slow.json', { body: '', hang: true });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function lists(domain: string): ValidateTargetDeps['lists'] {
  const list = (tokens: unknown[]): TokenList => {
    const r = parseTokenList({ name: 'Test', timestamp: '2025-01-01T00:00:00Z', version: { major: 1, minor: 0, patch: 0 }, tokens });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.list;
  };
  const alex = {
    chainId: 31337,
    address: ALEX_TOKEN.split(':').pop(),
    name: 'Alex Masmej',
    symbol: 'ALEX',
    decimals: 18,
    extensions: { domains: [domain] },
  };
  return { release: list([]), devnet: list([alex]) };
}

/** The report with the server's varying origin replaced, so snapshots are stable. */
async function run(target: string, deps: ValidateTargetDeps = {}) {
  const report = await validateTarget(target.replace('ORIGIN', origin), { timeoutMs: 1000, ...deps });
  const host = new URL(origin).host;
  const clean = (l: string) => l.replaceAll(origin, 'ORIGIN').replaceAll(otherOrigin, 'OTHER').replaceAll(host, 'HOST');
  return { ok: report.ok, lines: report.lines.map(clean) };
}

test('a creator page: declaration, confirmation and linked manifest', async () => {
  const host = new URL(origin).host;
  expect(await run('ORIGIN/', { lists: lists(host) })).toMatchInlineSnapshot(`
    {
      "lines": [
        "✓ ORIGIN/ declares eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
        "  confirmed: the curated list names HOST for this token",
        "✓ valid: ORIGIN/personal-token.json is a personal-token manifest, version 1",
        "  token:   eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 (chain 31337, a local devnet read by devnet builds only)",
        "  creator: Alex Masmej <http://localhost:4101/>",
        "  1 pair, 2 distributions, 2 reward programs, 1 gate, 1 offer, votes in space alex.eth at http://localhost:4101/snapshot",
      ],
      "ok": true,
    }
  `);
  expect((await run('ORIGIN/', { lists: lists('localhost:1') })).lines[1]).toMatchInlineSnapshot(
    `"  declared, not confirmed: the curated list does not name HOST for this token (see "Getting confirmed" in the README)"`,
  );
});

test('a manifest URL, and a page without manifest link', async () => {
  expect(await run('ORIGIN/personal-token.json')).toMatchObject({ ok: true });
  expect(await run('ORIGIN/token-only')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✓ ORIGIN/token-only declares eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
        "  (confirmation not checked)",
        "  no <link rel="personal-token-manifest">: holders see the token only (the manifest is optional)",
      ],
      "ok": true,
    }
  `);
});

test('pages that get it wrong', async () => {
  expect(await run('ORIGIN/plain')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✗ ORIGIN/plain declares no personal token: add <meta name="personal-token" content="eip155:<chainId>/erc20:<address>"> to its <head>",
      ],
      "ok": false,
    }
  `);
  expect(await run('ORIGIN/mismatch')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✓ ORIGIN/mismatch declares eip155:31338/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
        "  (confirmation not checked)",
        "✗ 1 problem in ORIGIN/personal-token.json:",
        "  token: does not match the page's declaration: the manifest names eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707, the page declares eip155:31338/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
      ],
      "ok": false,
    }
  `);
  expect(await run('ORIGIN/cross-origin')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✗ 1 problem in the declaration in ORIGIN/cross-origin:",
        "  <link rel="personal-token-manifest">: points to https://evil.example, but the manifest must be on the page's own origin (ORIGIN)",
      ],
      "ok": false,
    }
  `);
  expect(await run('ORIGIN/broken')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✓ ORIGIN/broken declares eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
        "  (confirmation not checked)",
        "✗ 1 problem in ORIGIN/broken.json:",
        "  not JSON: Unterminated string at line 1, column 81",
      ],
      "ok": false,
    }
  `);
  expect(await run('ORIGIN/missing')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✓ ORIGIN/missing declares eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
        "  (confirmation not checked)",
        "✗ manifest: ORIGIN/nope.json answered HTTP 404 Not Found",
      ],
      "ok": false,
    }
  `);
  expect(await run('ORIGIN/redirect')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✓ ORIGIN/redirect declares eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
        "  (confirmation not checked)",
        "✗ manifest: ORIGIN/redirect.json redirects to OTHER/personal-token.json, another origin; serve it from the page's own origin",
      ],
      "ok": false,
    }
  `);
});

test('size cap and timeout', async () => {
  expect(await run('ORIGIN/big.json')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✗ ORIGIN/big.json is 72 KB; the limit is 64 KB",
      ],
      "ok": false,
    }
  `);
  expect(await run('ORIGIN/big-chunked.json')).toMatchInlineSnapshot(`
    {
      "lines": [
        "✗ ORIGIN/big-chunked.json is more than 64 KB, the limit",
      ],
      "ok": false,
    }
  `);
  const started = Date.now();
  expect(await run('ORIGIN/slow', { timeoutMs: 300 })).toMatchInlineSnapshot(`
    {
      "lines": [
        "✓ ORIGIN/slow declares eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
        "  (confirmation not checked)",
        "✗ manifest: ORIGIN/slow.json did not answer within 0.3 s",
      ],
      "ok": false,
    }
  `);
  expect(Date.now() - started).toBeLessThan(3000);
});

test('local files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptc-'));
  const good = join(dir, 'good.json');
  const bad = join(dir, 'bad.json');
  const newer = join(dir, 'newer.json');
  writeFileSync(newer, JSON.stringify({ ...fullManifest(), merch: [{ id: 'mug' }] }));
  writeFileSync(good, JSON.stringify(fullManifest(), null, 2));
  writeFileSync(bad, JSON.stringify({ ...fullManifest(), token: 'ALEX', extra: true }));
  const clean = (r: { ok: boolean; lines: string[] }) => ({ ok: r.ok, lines: r.lines.map((l) => l.replaceAll(dir, 'DIR')) });
  expect(clean(await validateTarget(good))).toMatchInlineSnapshot(`
    {
      "lines": [
        "✓ valid: DIR/good.json is a personal-token manifest, version 1",
        "  token:   eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 (chain 31337, a local devnet read by devnet builds only)",
        "  creator: Alex Masmej <http://localhost:4101/>",
        "  1 pair, 2 distributions, 2 reward programs, 1 gate, 1 offer, votes in space alex.eth at http://localhost:4101/snapshot",
      ],
      "ok": true,
    }
  `);
  expect(clean(await validateTarget(bad))).toMatchInlineSnapshot(`
    {
      "lines": [
        "✗ 1 problem in DIR/bad.json:",
        "  token: expected a CAIP-19 id like eip155:1/erc20:0x…, got "ALEX"",
      ],
      "ok": false,
    }
  `);
  // A section this companion does not know: valid, with a warning for the creator.
  expect(clean(await validateTarget(newer)).lines.at(-1)).toMatchInlineSnapshot(
    `"  ! warning: merch: section 'merch' is not part of version 1 as this companion reads it and is ignored; companions that know it will use it, older ones skip it (remove it if it is a mistake)"`,
  );
  expect(clean(await validateTarget(join(dir, 'none.json')))).toMatchObject({ ok: false });
  expect(await validateTarget('ftp://example.com/m.json')).toMatchObject({ ok: false });
});

test('a token on a chain this extension does not read is named plainly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptc-'));
  const onPolygon = join(dir, 'polygon.json');
  const onBase = join(dir, 'base.json');
  const address = '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
  writeFileSync(onPolygon, JSON.stringify({ ...minimalManifest(), token: `eip155:137/erc20:${address}` }));
  writeFileSync(onBase, JSON.stringify({ ...minimalManifest(), token: `eip155:8453/erc20:${address}` }));
  const polygon = await validateTarget(onPolygon);
  expect(polygon.lines.slice(1, 3)).toMatchInlineSnapshot(`
    [
      "  token:   eip155:137/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 (chain 137)",
      "! chain 137 is not one this extension reads (it reads Ethereum (1), Base (8453), Optimism (10), Arbitrum One (42161)): holders will see no balance or price for this token",
    ]
  `);
  const base = await validateTarget(onBase);
  expect(base.lines[1]).toMatchInlineSnapshot(
    `"  token:   eip155:8453/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 (Base, chain 8453)"`,
  );
  expect(base.lines.some((l) => l.startsWith('!'))).toBe(false);
});
