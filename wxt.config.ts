import { defineConfig } from 'wxt';

// `--mode devnet` builds the extension for the local devnet: it adds the devnet chains and the
// demo token list. A release build (`npm run build`) knows only public chains and the release list.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3, // Firefox too (WXT would default Firefox to MV2)
  manifest: ({ mode, browser }) => ({
    name: mode === 'devnet' ? 'Personal Token Companion (devnet)' : 'Personal Token Companion',
    description: 'See what you hold of the creators you follow, right on their sites.',
    // storage: tab detection state in storage.session survives service-worker restarts.
    permissions: ['storage'],
    action: { default_title: 'Personal Token Companion' },
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'companion@personal-token.dev', strict_min_version: '128.0' } },
    }),
    // entrypoints/detect.ts: reads the page's declaration; top frame only, once the page is parsed.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['detect.js'], run_at: 'document_idle' }],
  }),
});
