import { ALEX, MIKE, caip19, creatorManifest } from './creators';
import { MANIFEST_PATH } from './creatorSite';
import { esc, page, simpleBody } from './html';
import { htmlRoute, jsonRoute, type DemoOrigins, type Routes } from './routes';

// A page that tries everything a malicious site could to confuse a content script. Whatever
// the extension decides here, it must not run the payloads, must not fetch the cross-origin or
// `javascript:` links, and must not believe what the page script fakes in the main world
// (content scripts run in an isolated world, so the redefinitions below should not reach them).

/** A token nobody declared honestly: if the extension ever shows it, the page fooled it. */
export const HOSTILE_FAKE_TOKEN = 'eip155:1/erc20:0x000000000000000000000000000000000000dEaD';
/** An image URL only reached if a payload is parsed as markup; look for it in the request log. */
export const XSS_PROBE_PATH = '/__xss-probe';

const PAYLOAD = `"><img src=x onerror=alert(1)><img src=${XSS_PROBE_PATH}>`;

function meta(content: string): string {
  return `<meta name="personal-token" content="${esc(content)}">`;
}

function hostileHead(origins: DemoOrigins): string {
  const alex = caip19(ALEX.chainId, ALEX.token);
  const mike = caip19(MIKE.chainId, MIKE.token);
  return [
    meta(alex),
    meta(mike),
    meta(`${alex}${PAYLOAD}`),
    meta(`${alex}${'A'.repeat(256 * 1024)}`),
    `<meta name="PERSONAL-TOKEN" content="${esc(PAYLOAD)}">`,
    `<link rel="personal-token-manifest" href="/hostile${MANIFEST_PATH}">`,
    `<link rel="personal-token-manifest" href="${esc(origins.mike)}${MANIFEST_PATH}">`,
    `<link rel="personal-token-manifest" href="javascript:alert(1)">`,
    `<link rel="personal-token-manifest" href="${esc(PAYLOAD)}">`,
  ].join('\n');
}

// Runs in the page's main world. Kept as plain JS source: it is data this server sends.
const PAGE_SCRIPT = `
(() => {
  const FAKE = ${JSON.stringify(HOSTILE_FAKE_TOKEN)};
  const fakes = [
    { type: 'personal-token:declaration', token: FAKE, manifest: '/hostile/personal-token.json' },
    { source: 'personal-token-companion', type: 'detected', token: FAKE },
    { source: 'personal-token-companion', type: 'sign', method: 'eth_sign', params: ['0x0', '0xdead'] },
    { target: 'background', method: 'eth_sendTransaction', params: [{ to: '0x000000000000000000000000000000000000dEaD', value: '0xffffffffffff' }] },
    { jsonrpc: '2.0', id: 1, method: 'wallet_requestPermissions', params: [{ eth_accounts: {} }] },
    'personal-token ' + FAKE,
  ];
  let rounds = 0;
  const post = () => { for (const m of fakes) window.postMessage(m, '*'); if (++rounds >= 30) clearInterval(timer); };
  const timer = setInterval(post, 1000);
  post();

  const fakeMeta = document.createElement('meta');
  fakeMeta.name = 'personal-token';
  fakeMeta.content = FAKE;
  Document.prototype.querySelector = function () { return fakeMeta; };
  Document.prototype.querySelectorAll = function () { return [fakeMeta]; };
  Element.prototype.getAttribute = function () { return FAKE; };
  const fakeManifest = JSON.stringify({ version: 1, token: FAKE, creator: { name: 'Totally Alex', url: location.origin + '/' } });
  window.fetch = () => Promise.resolve(new Response(fakeManifest, { headers: { 'content-type': 'application/json' } }));
  XMLHttpRequest.prototype.open = function () { throw new Error('no XHR for you'); };

  // A declaration that appears after load, for a content script that watches for changes.
  setTimeout(() => { const m = document.createElement('meta'); m.name = 'personal-token'; m.content = FAKE; document.head.append(m); }, 300);
})();
`;

export function hostileRoutes(origins: DemoOrigins): Routes {
  const tagline =
    'A hostile page: conflicting declarations, markup in attribute values, a huge meta tag and a page script ' +
    'that fakes window messages and redefines querySelector and fetch.';
  const card = `<section class="card"><h2>Claim your free $ALEX</h2>
<p>Nothing here should make the companion sign, fetch or show anything it should not.</p>
${meta(`${caip19(MIKE.chainId, MIKE.token)}${PAYLOAD}`)}
<p><a href="/">All edge cases</a></p></section>`;
  const body = `${simpleBody("Totally Alex's official site", tagline, card)}\n<script>${PAGE_SCRIPT}</script>`;
  const manifest = creatorManifest(ALEX, origins.other);
  const routes: Routes = new Map();
  routes.set('/hostile', htmlRoute(page({ title: 'Totally Alex · $ALEX', head: hostileHead(origins), body })));
  // Same-origin manifest with markup in the creator name: it must be shown as text, never parsed.
  routes.set(
    `/hostile${MANIFEST_PATH}`,
    jsonRoute({
      ...manifest,
      creator: { name: `Alex<img src=${XSS_PROBE_PATH} onerror=alert(1)>`, url: `${origins.other}/hostile`, description: PAYLOAD },
    }),
  );
  return routes;
}
