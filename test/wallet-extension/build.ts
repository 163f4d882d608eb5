import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TEST_WALLET_GECKO_ID, TEST_WALLET_ID, TEST_WALLET_PUBLIC_KEY } from './identity';

// Builds the test wallet with esbuild into .output/test-wallet/ (well under a second). Tests and the
// demo call ensureTestWalletBuilt(), which rebuilds only when the sources changed: the build records
// a hash of every file it is made from. `npx tsx test/wallet-extension/build.ts` forces a build.

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
export const TEST_WALLET_BUILD = join(ROOT, '.output', 'test-wallet');
/** The same wallet for Firefox (background script instead of a service worker, a gecko id). */
export const TEST_WALLET_FIREFOX_BUILD = join(ROOT, '.output', 'test-wallet-firefox');
const HASH_FILE = 'build-hash.txt';
const PAGES = ['http://*/*', 'https://*/*'];

const manifest = {
  manifest_version: 3,
  name: 'Test Wallet (personal-token e2e)',
  version: '1.0.0',
  description: 'Speaks MetaMask’s protocol to other extensions and EIP-6963 to pages; signs with an anvil key. Tests only.',
  // The fixed id comes from this key (see identity.ts).
  key: TEST_WALLET_PUBLIC_KEY,
  background: { service_worker: 'background.js' },
  // No externally_connectable: Chrome's default lets every extension connect (like MetaMask's
  // `ids: ['*']`) and no web page; pages reach the wallet through its content scripts instead.
  content_scripts: [
    { matches: PAGES, js: ['inpage.js'], run_at: 'document_start', world: 'MAIN' },
    { matches: PAGES, js: ['relay.js'], run_at: 'document_start' },
  ],
};

// Firefox MV3 runs background scripts, not service workers, and names add-ons by their gecko id
// (MetaMask's is webextension@metamask.io); other extensions connect to it by that id.
const firefoxManifest = {
  ...Object.fromEntries(Object.entries(manifest).filter(([key]) => key !== 'key')),
  background: { scripts: ['background.js'] },
  browser_specific_settings: { gecko: { id: TEST_WALLET_GECKO_ID, strict_min_version: '128.0' } },
};

function sourceHash(): string {
  const hash = createHash('sha256');
  const siwe = join(ROOT, 'lib', 'gates', 'core', 'siwe'); // the SIWE parser behind the wallet's domain check
  const files = [
    join(HERE, 'build.ts'),
    join(HERE, 'identity.ts'),
    ...readdirSync(join(HERE, 'src'))
      .sort()
      .map((f) => join(HERE, 'src', f)),
    ...readdirSync(siwe)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => join(siwe, f)),
  ];
  for (const file of files) hash.update(file).update(readFileSync(file));
  hash.update(readFileSync(join(ROOT, 'package-lock.json'))); // the bundled packages
  return hash.digest('hex');
}

/** Builds into a fresh directory, then swaps it in, so a browser or test never sees half a build. */
export async function buildTestWallet(): Promise<string> {
  const hash = sourceHash();
  const staging = `${TEST_WALLET_BUILD}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const common = { outdir: staging, bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'error' } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: { background: join(HERE, 'src/background.ts') },
      // MetaMask's stream packages expect Node's Buffer, process and global.
      inject: [join(HERE, 'src/nodeShims.ts')],
      define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    }),
    build({ ...common, entryPoints: { relay: join(HERE, 'src/relay.ts'), inpage: join(HERE, 'src/inpage.ts') } }),
  ]);
  writeFileSync(join(staging, HASH_FILE), hash);
  const firefoxStaging = `${TEST_WALLET_FIREFOX_BUILD}.${process.pid}.tmp`;
  rmSync(firefoxStaging, { recursive: true, force: true });
  cpSync(staging, firefoxStaging, { recursive: true });
  writeFileSync(join(firefoxStaging, 'manifest.json'), JSON.stringify(firefoxManifest, null, 2));
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
  rmSync(TEST_WALLET_FIREFOX_BUILD, { recursive: true, force: true });
  renameSync(firefoxStaging, TEST_WALLET_FIREFOX_BUILD);
  rmSync(TEST_WALLET_BUILD, { recursive: true, force: true });
  renameSync(staging, TEST_WALLET_BUILD);
  return TEST_WALLET_BUILD;
}

/** The build directory, rebuilt first if missing or made from other sources. */
export async function ensureTestWalletBuilt(): Promise<string> {
  const hashFile = join(TEST_WALLET_BUILD, HASH_FILE);
  if (
    existsSync(hashFile) &&
    readFileSync(hashFile, 'utf8') === sourceHash() &&
    existsSync(join(TEST_WALLET_FIREFOX_BUILD, 'manifest.json'))
  )
    return TEST_WALLET_BUILD;
  return buildTestWallet();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildTestWallet();
  console.log(`Test wallet (id ${TEST_WALLET_ID}) built in ${Math.round(performance.now() - started)} ms: ${TEST_WALLET_BUILD}`);
}
