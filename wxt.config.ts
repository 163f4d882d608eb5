import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { defineConfig } from 'wxt';
import { TEST_WALLET_ID } from './test/wallet-extension/identity';

// The wallet extension lib/wallet connects to (createExternalExtensionProvider's argument). A
// release build always gets 'stable' (MetaMask's real id for the browser) whatever the environment
// says; only a devnet build reads WXT_METAMASK_ID, by default the test wallet's fixed id.
function metamaskExtension(mode: string): string {
  if (mode !== 'devnet') return 'stable';
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
  vite: ({ mode }) => ({
    define: {
      __PTC_METAMASK_EXTENSION__: JSON.stringify(metamaskExtension(mode)),
    },
  }),
  hooks: {
    // MetaMask's stream stack (readable-stream, object-multiplex) expects Node's events, Buffer and
    // process. Only the service worker talks to MetaMask, so only its bundle gets the polyfills:
    // the all-pages content script and the popup stay as small as they were.
    'vite:build:extendConfig': (entrypoints, config) => {
      // WXT builds each content script alone with NODE_ENV set to the mode's name ("devnet"), so
      // React would ship its development build (twice the size) in the in-page companion. Only for
      // production builds: there JSX compiles for React's production runtime too.
      if (process.env.NODE_ENV === 'production') config.define = { ...config.define, 'process.env.NODE_ENV': JSON.stringify('production') };
      if (!entrypoints.some((entry) => entry.type === 'background')) return;
      const polyfills = nodePolyfills({ include: ['buffer', 'events', 'process'] });
      config.plugins = [...(config.plugins ?? []), ...(polyfills as NonNullable<typeof config.plugins>)]; // WXT's Vite types
    },
  },
  manifest: ({ mode, browser }) => ({
    name: mode === 'devnet' ? 'Personal Token Companion (devnet)' : 'Personal Token Companion',
    description: 'See what you hold of the creators you follow, right on their sites.',
    // storage: tab detection state in storage.session survives service-worker restarts.
    // scripting: the in-page companion and the page-wallet bridge are injected only into pages
    // that declared a token (so the all-pages script stays tiny). It needs host access, which
    // the all-pages content script already implies: the install warning is the same.
    permissions: ['storage', 'scripting'],
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
