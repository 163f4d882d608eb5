import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { defineConfig } from 'wxt';
import { NODE_MODULES, oneCopyPerVersion, oneNodeShimFormat } from './test/build/serviceWorkerBundle';
import { SECP256K1_WASM } from './lib/votes/secp256k1File';
import { TEST_WALLET_GECKO_ID, TEST_WALLET_ID } from './test/wallet-extension/identity';

// The wallet extension lib/wallet connects to (createExternalExtensionProvider's argument). A
// release build always gets 'stable' (MetaMask's real id for the browser) whatever the environment
// says; only a devnet build reads WXT_METAMASK_ID, by default the test wallet's fixed id.
// Firefox names add-ons by their gecko id (an email-like name or a {uuid}).
function metamaskExtension(mode: string, browser: string): string {
  if (mode !== 'devnet') return 'stable';
  if (browser === 'firefox') {
    const id = process.env.WXT_METAMASK_ID || TEST_WALLET_GECKO_ID;
    if (!/^([\w.+-]+@[\w.-]+|\{[0-9a-f-]{36}\})$/i.test(id))
      throw new Error(`WXT_METAMASK_ID must be a Firefox add-on id (name@domain or {uuid}), not "${id}".`);
    return id;
  }
  const id = process.env.WXT_METAMASK_ID || TEST_WALLET_ID;
  if (!/^[a-p]{32}$/.test(id)) throw new Error(`WXT_METAMASK_ID must be a Chrome extension id (32 letters a-p), not "${id}".`);
  return id;
}

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// `--mode devnet` builds the extension for the local devnet: it adds the devnet chains and the
// demo token list. A release build (`npm run build`) knows only public chains and the release list.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3, // Firefox too (WXT would default Firefox to MV2)
  // `wxt zip -b firefox` also writes the sources zip addons.mozilla.org asks for (the bundles are
  // minified). It holds what `npm install && npm run build:firefox` needs, not tests or outputs.
  zip: {
    excludeSources: ['test-results/**', 'test/e2e/readme/**', '.output/**', '.wxt/**'],
  },
  vite: ({ mode, browser }) => ({
    define: {
      __PTC_METAMASK_EXTENSION__: JSON.stringify(metamaskExtension(mode, browser)),
    },
    // The tally's Web Workers (lib/votes/offscreen/checkWorker.ts) are module workers: their code
    // (viem's) splits into chunks, which a classic worker script cannot.
    worker: { format: 'es' as const },
  }),
  hooks: {
    // libsecp256k1 in WebAssembly (tiny-secp256k1's binary, 1.2 MB) ships as a file of its own,
    // fetched on the first tally (lib/votes/background/loadSecp256k1.ts): bundled, Vite would
    // inline it as base64 into background.js, which every service-worker start would then parse.
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: join(dirname(createRequire(import.meta.url).resolve('tiny-secp256k1')), '..', 'secp256k1.wasm'),
        relativeDest: SECP256K1_WASM.slice(1),
      });
    },
    // MetaMask's stream stack (readable-stream, object-multiplex) expects Node's events, Buffer and
    // process. Only the background's features script talks to MetaMask, so only its bundle gets the
    // polyfills: the worker's start script, the all-pages content script and the popup stay small.
    'vite:build:extendConfig': (entrypoints, config) => {
      // WXT builds each content script alone with NODE_ENV set to the mode's name ("devnet"), so
      // React would ship its development build (twice the size) in the in-page companion. Only for
      // production builds: there JSX compiles for React's production runtime too.
      if (process.env.NODE_ENV === 'production') config.define = { ...config.define, 'process.env.NODE_ENV': JSON.stringify('production') };
      const features = entrypoints.some((entry) => entry.name === 'background-features');
      if (!features && !entrypoints.some((entry) => entry.type === 'background')) return;
      const polyfills = features ? nodePolyfills({ include: ['buffer', 'events', 'process'] }) : [];
      // Each byte of background.js is read, decoded and covered by code cache on every worker start
      // (test/build/serviceWorkerBundle.ts): one copy of each package version (one readable-stream for all
      // of MetaMask's stream stack), one shim format.
      const shrink = [oneCopyPerVersion(NODE_MODULES, { 'readable-stream': '3.6.2' }), oneNodeShimFormat()];
      // ASCII only (\uXXXX escapes): one curly quote would make the whole script a two-byte string,
      // decoded to UTF-16 and scanned at twice the bytes on every start.
      config.esbuild = { ...config.esbuild, charset: 'ascii' };
      config.plugins = [...(config.plugins ?? []), ...(polyfills as NonNullable<typeof config.plugins>), ...shrink]; // WXT's Vite types
    },
  },
  manifest: ({ mode, browser }) => ({
    name: mode === 'devnet' ? 'Personal Token Companion (devnet)' : 'Personal Token Companion',
    description: 'See what you hold of the creators you follow, right on their sites.',
    // storage: tab detection state in storage.session survives service-worker restarts.
    // scripting: the in-page companion and the page-wallet bridge are injected only into pages
    // that declared a token (so the all-pages script stays tiny). It needs host access, which
    // the all-pages content script already implies: the install warning is the same.
    // alarms + notifications: alerts while the popup is closed (lib/alerts). sidePanel: the same
    // UI beside the page (Chrome; Firefox uses sidebar_action, which needs no permission).
    // offscreen (Chrome): a verified tally checks signatures on Web Workers in an offscreen document
    // (entrypoints/tally-workers), which a service worker cannot start; no install warning.
    permissions: ['storage', 'scripting', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    // MV3's default policy plus nothing but 'wasm-unsafe-eval': the verified tally recovers
    // signers with libsecp256k1 compiled to WebAssembly (lib/votes/core/secp256k1Wasm.ts).
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    host_permissions: ['http://*/*', 'https://*/*'],
    // public/icon/*.png, rendered from assets/icon.svg by assets/renderIcons.ts.
    icons: ICONS,
    action: { default_title: 'Personal Token Companion', default_icon: ICONS },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'companion@personal-token.dev',
          strict_min_version: '140.0', // the first with data_collection_permissions (ESR 140)
          // Nothing is collected by or sent to the authors: requests go only to the RPC endpoints the
          // holder uses and to creators' own addresses, at the holder's request (store/privacy.md).
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' }, // the same on Android
      },
    }),
    // entrypoints/detect.ts: reads the page's declaration; top frame only, once the page is parsed.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['detect.js'], run_at: 'document_idle' }],
    // The page frame (entrypoints/page-frame): the in-page companion shows the gates and the card in
    // frames of it, where the page cannot read them. Embeddable by http(s) pages only, as declaring
    // pages are; a page that embeds it on its own is answered about its own declaration only.
    web_accessible_resources: [{ resources: ['page-frame.html'], matches: ['http://*/*', 'https://*/*'] }],
    // Talking to MetaMask needs no permission and no externally_connectable: the companion opens the
    // port (chrome.runtime.connect) and MetaMask decides whom it answers. Nobody may connect to us.
  }),
});
