import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../demo-server/server';
import { launchWithExtension, REPO_ROOT } from '../e2e/harness/browser';
import { measureAlertRefresh } from './alertRefresh';
import { buildExtension } from './build';
import { measureClaimsLookup } from './claimsLookup';
import { measureColdStart } from './coldStart';
import { measureExtensionTally } from './extensionTally';
import { reserveBuildPorts, startBenchChains } from './chains';
import { Cleanup } from './cleanup';
import { measureContentScriptSize } from './contentScriptSize';
import { measureDiscovery5k } from './discovery5k';
import { jsonOf, rowsOf, type Results } from './figures';
import { measureNonTokenPage } from './nonTokenPage';
import { measurePopupFirstPaint } from './popupFirstPaint';
import { printTable, writeJson } from './report';
import { measureRpcRefresh } from './rpcRefresh';
import { measureTally } from './tallyVotes';

// `npm run bench`: the performance figures of PRODUCT.md, each beside its baseline and budget.
// It reports; it does not fail on a budget. It exits non-zero only when a figure could not be
// measured. Order matters on a 2-core machine: builds, then Node-only timings, then Chromium.

const OUTPUT = join(REPO_ROOT, '.output', 'bench.json');
const cleanup = new Cleanup();
const results: Results = {};
const errors: Record<string, string> = {};

/**
 * `npm run bench -- --only tally,claims`: those figures only (names: size, rpc, alerts, discovery,
 * tally, claims, nonToken, popup, coldStart, extensionTally), skipping the builds and the browser when none needs them.
 */
const onlyAt = process.argv.indexOf('--only');
// `npm run bench -- --quiet-page`: only the content script's size and the page that declares
// nothing (a few minutes instead of the tally's long run), e.g. after touching detection.
const QUIET_PAGE_ONLY = process.argv.includes('--quiet-page');
const only = QUIET_PAGE_ONLY
  ? new Set<string>(['size', 'nonToken'])
  : onlyAt >= 0
    ? new Set((process.argv[onlyAt + 1] ?? '').split(','))
    : null;
const wanted = (key: keyof Results) => only === null || only.has(key);
const BROWSER_FIGURES: (keyof Results)[] = ['nonToken', 'popup', 'coldStart', 'extensionTally'];

/** One figure failing (a flaky build, a UI change) must not hide the others. */
async function attempt(name: string, key: keyof Results, measure: () => Promise<void>): Promise<void> {
  if (!wanted(key)) return;
  console.log(`… ${name}`);
  try {
    await measure();
  } catch (error) {
    if (cleanup.stopping) throw error; // Ctrl-C: no next figure
    errors[name] = error instanceof Error ? error.message : String(error);
    console.error(`✗ ${name}: ${errors[name]}`);
  }
}

async function main(): Promise<void> {
  cleanup.stopOnSignals();
  const reserved = await reserveBuildPorts(cleanup);
  if (wanted('size')) {
    const release = await buildExtension('production', cleanup);
    await attempt('content script size', 'size', async () => void (results.size = measureContentScriptSize(release)));
  }
  const devnetBuild = BROWSER_FIGURES.some(wanted) ? await buildExtension('devnet', cleanup) : null;

  const chains = await startBenchChains(reserved, cleanup);
  await attempt(
    'RPC requests and speed of one refresh',
    'rpc',
    async () => void (results.rpc = await measureRpcRefresh(chains.devnet, cleanup)),
  );
  await attempt(
    'requests per background alert refresh, 50 creators',
    'alerts',
    async () => void (results.alerts = await measureAlertRefresh(chains.devnet, cleanup)),
  );
  await attempt(
    'discovery of 5,000 listed tokens',
    'discovery',
    async () => void (results.discovery = await measureDiscovery5k(chains.devnet, cleanup)),
  );
  await attempt('10,000-vote verified tally', 'tally', async () => void (results.tally = await measureTally(chains.devnet, cleanup)));
  await attempt('100,000-entry claims file lookup', 'claims', async () => void (results.claims = await measureClaimsLookup()));

  if (!devnetBuild) return;
  // Its own browser, closed before the others start: nothing else wakes or keeps the workers.
  await attempt(
    'service worker cold start',
    'coldStart',
    async () => void (results.coldStart = await measureColdStart(devnetBuild, cleanup)),
  );
  // Free ports: a running `npm run demo` keeps its sites on 4101-4103.
  const demo = await startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 });
  cleanup.add('demo server', () => demo.stop());
  const browser = await launchWithExtension({ extensionPath: devnetBuild.dir, handleSignals: false });
  cleanup.add('Chromium with the extension', () => browser.close());
  // The page that declares nothing goes first, before following creators gives the extension work.
  await attempt('a page that declares nothing', 'nonToken', async () => {
    results.nonToken = await measureNonTokenPage({ browser, build: devnetBuild, demo, proxies: chains.proxies, cleanup });
  });
  await attempt(
    'popup first paint',
    'popup',
    async () => void (results.popup = await measurePopupFirstPaint({ browser, demo, proxies: chains.proxies })),
  );
  // Last: it seeds the demo hub with 10,000 votes and writes their balances into the chain.
  await attempt('10,000-vote verified tally in the extension', 'extensionTally', async () => {
    results.extensionTally = await measureExtensionTally({ browser, demo, rpcUrl: chains.devnet.chains[0].rpcUrl });
  });
}

function report(): void {
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT }).toString().trim();
    } catch {
      return null;
    }
  })();
  const meta = { date: new Date().toISOString(), commit, cpus: cpus().length, loadavg: loadavg().map((x) => Number(x.toFixed(2))) };
  writeJson(OUTPUT, { ...jsonOf(results, errors), meta });
  console.log(`\nBench (${meta.cpus} CPUs, load ${meta.loadavg.join(' ')}, commit ${commit ?? '?'}):\n`);
  // With --only / --quiet-page the figures left out on purpose are not listed as errors.
  printTable(rowsOf(results).filter((row) => only === null || row.measured !== 'not measured'));
  const caused = results.nonToken?.requests.details ?? [];
  if (caused.length > 0) console.log(`\nRequests on /plain:\n  ${caused.slice(0, 20).join('\n  ')}`);
  const control = results.nonToken?.declaringPageRequests;
  if (control && (control.demoServer === 0 || control.playwright === 0)) {
    console.log("\nWarning: loading a creator's page showed no request either; the request counters may be blind.");
  }
  if (results.rpc && !results.rpc.sameResult)
    console.log('\nWarning: multicall and naive reads disagree; the RPC comparison is not like for like.');
  if (results.popup && !results.popup.playwrightSawServiceWorkerRequests) {
    console.log("\nNote: Playwright reported none of the service worker's requests; /plain requests were counted at the servers only.");
  }
  console.log(`\nWritten to ${OUTPUT}`);
}

main()
  .catch((error: unknown) => {
    if (cleanup.stopping) return; // Ctrl-C: the signal handler says so and exits
    errors.setup = error instanceof Error ? error.message : String(error);
    console.error(`\nThe bench could not run: ${errors.setup}`);
  })
  .finally(async () => {
    await cleanup.run();
    // Whatever was measured before a setup step failed is still worth reporting.
    if (Object.keys(results).length > 0) report();
    process.exit(Object.keys(errors).length > 0 ? 1 : 0);
  });
