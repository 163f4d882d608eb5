import { DEVNET_C } from '../../lib/chain/devnet';
import { ALEX, MIKE, caip19, creatorManifest, creatorWethPair } from './creators';
import { declarationTags, MANIFEST_PATH } from './creatorSite';
import { HOSTILE_CREATOR_PATH, hostileCreatorRoutes } from './gates/hostileCreator';
import { hostileRoutes } from './hostile';
import { esc, page, simpleBody } from './html';
import { htmlRoute, JSON_TYPE, jsonRoute, type DemoOrigins, type Routes } from './routes';

const ALEX_TOKEN = caip19(ALEX.chainId, ALEX.token);
export const MANIFEST_SIZE_CAP = 64 * 1024;
/** The Base stand-in's creator page, on the other origin. */
export const BASE_COIN_PATH = '/base-coin';

interface Fixture {
  path: string;
  title: string;
  /** What the extension should make of it; shown on the index page and on the fixture itself. */
  expect: string;
  token?: string;
  manifestHref?: string;
}

function fixturePage(f: Fixture): string {
  const head = f.token !== undefined ? declarationTags(f.token, f.manifestHref ?? `${f.path}${MANIFEST_PATH}`) : '';
  return page({
    title: f.title,
    head,
    body: simpleBody(
      f.title,
      f.expect,
      `<section class="card"><h2>Why this page exists</h2><p>It is one of the demo
server's edge cases for the personal-token companion. <a href="/">All edge cases</a>.</p></section>`,
    ),
  });
}

/** Flips the case of the first letter in the address, which breaks its EIP-55 checksum. */
function breakChecksum(address: string): string {
  const i = address.slice(2).search(/[a-fA-F]/) + 2;
  const c = address.charAt(i);
  return address.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + address.slice(i + 1);
}

const PLAIN_BODY = `<nav class="nav"><a class="brand" href="/plain">Field Notes</a>
<ul><li><a href="/plain">Travel</a></li><li><a href="/plain">Food</a></li><li><a href="/plain">About</a></li></ul></nav>
<main><header class="hero solo"><div><h1>Notes on slow travel</h1>
<p class="tagline">Why the journey is worth more when it takes longer.</p>
<p class="meta">By Sam Rivera · 6 min read · a plain page that declares no token: the companion does nothing here</p></div></header>
<div class="grid">
<section class="card"><h2>Trains over planes</h2><p>Night trains turn a travel day into a hotel night. The view
from the window is part of the trip, not something to get over with.</p></section>
<section class="card"><h2>Stay a week</h2><p>A week in one place is enough to find a café, learn the bus routes
and stop feeling like a visitor.</p></section>
<section class="card"><h2>Pack for one bag</h2><p>Everything you carry, you carry up every station staircase.
One bag makes the last-minute train possible.</p></section></div></main>`;

export function otherOriginRoutes(origins: DemoOrigins): Routes {
  const alexManifest = creatorManifest(ALEX, origins.alex);
  const padding = 'x'.repeat(MANIFEST_SIZE_CAP + 4096);
  const oversized = JSON.stringify({ ...alexManifest, creator: { ...(alexManifest.creator as object), description: padding } });
  const fixtures: Fixture[] = [
    {
      path: '/broken-token',
      title: 'Broken token id',
      expect: 'The meta tag is not a CAIP-19 id: ignore the page, fetch nothing.',
      token: 'eip155:31337/erc20:0xNOT-AN-ADDRESS',
    },
    { path: '/broken-manifest', title: 'Broken manifest', expect: 'The manifest is not JSON: show a clear error.', token: ALEX_TOKEN },
    {
      path: '/invalid-manifest',
      title: 'Invalid manifest',
      expect: 'The manifest breaks the schema (bad checksum, unknown field): show which.',
      token: ALEX_TOKEN,
    },
    { path: '/mismatch', title: 'Token mismatch', expect: 'The manifest names $MIKE, the page names $ALEX: refuse.', token: ALEX_TOKEN },
    {
      path: '/cross-origin-manifest',
      title: 'Cross-origin manifest',
      expect: 'The manifest link points at another origin: refuse without fetching it.',
      token: ALEX_TOKEN,
      manifestHref: `${origins.alex}${MANIFEST_PATH}`,
    },
    {
      path: '/oversized',
      title: 'Oversized manifest',
      expect: `The manifest is over ${MANIFEST_SIZE_CAP / 1024} KiB: stop reading and refuse.`,
      token: ALEX_TOKEN,
    },
    {
      path: '/oversized-chunked',
      title: 'Oversized manifest, no length',
      expect: 'Same, streamed without Content-Length.',
      token: ALEX_TOKEN,
    },
  ];
  const routes: Routes = new Map();
  for (const f of fixtures) routes.set(f.path, htmlRoute(fixturePage(f)));
  const m = (path: string) => `${path}${MANIFEST_PATH}`;
  // A valid manifest behind the broken token: if it is ever requested, the extension went too far.
  routes.set(m('/broken-token'), jsonRoute(alexManifest));
  routes.set(m('/broken-manifest'), { contentType: JSON_TYPE, body: JSON.stringify(alexManifest).slice(0, 80) });
  routes.set(
    m('/invalid-manifest'),
    jsonRoute({
      ...alexManifest,
      pairs: [{ protocol: 'uniswap-v2', address: breakChecksum(creatorWethPair(ALEX)) }],
      unexpected: true,
    }),
  );
  routes.set(m('/mismatch'), jsonRoute({ ...alexManifest, token: caip19(MIKE.chainId, MIKE.token) }));
  routes.set(m('/oversized'), { contentType: JSON_TYPE, body: oversized });
  routes.set(m('/oversized-chunked'), { contentType: JSON_TYPE, body: oversized, chunked: true });
  // A creator on the Base stand-in (chain 84530) whose coin trades only in a Uniswap V4 pool.
  routes.set(
    BASE_COIN_PATH,
    htmlRoute(
      page({
        title: 'Jess · coins on Base',
        head: `<meta name="personal-token" content="${caip19(DEVNET_C.chainId, DEVNET_C.jess)}">`,
        body: simpleBody(
          'Jess',
          'A creator on the Base stand-in: $JESS trades only in a Uniswap V4 pool.',
          '<section class="card"><h2>About</h2><p>Photos, notes and a coin.</p></section>',
        ),
      }),
    ),
  );
  routes.set('/plain', htmlRoute(page({ title: 'Notes on slow travel · Field Notes', body: PLAIN_BODY })));
  for (const [path, route] of hostileRoutes(origins)) routes.set(path, route);
  for (const [path, route] of hostileCreatorRoutes(origins)) routes.set(path, route);
  const list = [
    ...fixtures,
    { path: '/plain', expect: 'Declares nothing.' },
    { path: BASE_COIN_PATH, expect: 'Declares $JESS on the Base stand-in (84530), priced from a Uniswap V4 pool.' },
    { path: '/hostile', expect: 'Conflicting tags, payloads, a page script that fakes messages.' },
    {
      path: HOSTILE_CREATOR_PATH,
      expect:
        "Declares $ALEX (not confirmed); gates that return XSS payloads, one that points at Alex's endpoint, a page that lies and clicks.",
    },
  ]
    .map((f) => `<p><a href="${f.path}">${f.path}</a> — ${esc(f.expect)}</p>`)
    .join('\n');
  const index = simpleBody(
    'Edge cases',
    'Pages that test how the companion treats bad or hostile declarations.',
    `<section class="card">${list}</section>`,
  );
  routes.set('/', htmlRoute(page({ title: 'Edge cases · demo server', body: index })));
  return routes;
}
