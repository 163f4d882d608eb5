import { defineConfig } from 'wxt';

// `--mode devnet` builds the extension for the local devnet: it adds the devnet chains and the
// demo token list. A release build (`npm run build`) knows only public chains and the release list.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ mode }) => ({
    name: mode === 'devnet' ? 'Personal Token Companion (devnet)' : 'Personal Token Companion',
    description: 'See what you hold of the creators you follow, right on their sites.',
    // storage: tab detection state in storage.session survives service-worker restarts.
    permissions: ['storage'],
    action: { default_title: 'Personal Token Companion' },
    // entrypoints/detect.ts: reads the page's declaration; top frame only, once the page is parsed.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['detect.js'], run_at: 'document_idle' }],
  }),
});
