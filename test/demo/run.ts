import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { ANVIL_ACCOUNTS, startDevnet, type Devnet } from '../devnet/devnet';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { launchWithExtension, REPO_ROOT, type ExtensionBrowser } from '../e2e/harness/browser';
import { seedHub } from '../demo-server/hub/seed';
import { BASE_COIN_PATH } from '../demo-server/fixtures';
import { DEVNET_A } from '../../lib/chain/devnet';

// `npm run demo [-- --no-build] [--headless] [--screenshots]`: the whole product on one machine.
// The devnet build of the extension expects the default ports (chains 8545/8546, sites 4101-4103).

const args = new Set(process.argv.slice(2));
const known = ['--no-build', '--headless', '--screenshots'];
const unknown = [...args].filter((a) => !known.includes(a));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}; known: ${known.join(' ')}`);
  process.exit(2);
}
const headless = args.has('--headless') || !process.env.DISPLAY;

let devnet: Devnet | undefined;
let server: DemoServer | undefined;
let browser: ExtensionBrowser | undefined;
let stopping: Promise<void> | undefined;

function stopAll(): Promise<void> {
  stopping ??= (async () => {
    // Each part is stopped even if another fails: no anvil or port is left behind.
    const results = await Promise.allSettled([browser?.close(), server?.stop(), devnet?.stop()]);
    for (const r of results) if (r.status === 'rejected') console.error('While stopping:', r.reason);
  })();
  return stopping;
}

/** Waits for a page to finish loading; a popup says it is still loading with aria-busy. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 }).catch(() => undefined);
}

async function main(): Promise<void> {
  if (!args.has('--no-build')) {
    console.log('Building the devnet extension (npm run build:devnet; --no-build skips this)…');
    const build = spawnSync('npm', ['run', 'build:devnet'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('The extension build failed (see above).');
  }
  console.log('Starting the devnet (anvil on 8545, 8546 and 8547) and the demo sites…');
  const [chains, sites] = await Promise.allSettled([startDevnet(), startDemoServer()]);
  // Keep whatever did start, so stopAll can stop it when the other failed.
  if (chains.status === 'fulfilled') devnet = chains.value;
  if (sites.status === 'fulfilled') server = sites.value;
  if (chains.status === 'rejected') throw chains.reason;
  if (sites.status === 'rejected') throw sites.reason;
  // Alex's vote hub: five open proposals (one shielded) and a closed one with 300 signed votes (and a forged one).
  await seedHub(sites.value.hub, { rpcUrl: chains.value.chains[0].rpcUrl, multicall3: DEVNET_A.multicall3 });
  // The test wallet stands in for MetaMask (it speaks MetaMask's protocol and signs with anvil account 1).
  const b = (browser = await launchWithExtension({ headless, handleSignals: false, withTestWallet: true }));
  const [chainA, chainB] = chains.value.chains;

  const { alex, mike, other } = sites.value.origins;
  const tabs = { alex: `${alex}/`, mike: `${mike}/`, base: `${other}${BASE_COIN_PATH}`, plain: `${other}/plain` };
  const pages: Record<string, Page> = {};
  // Reuse the blank tab Chromium opens with, so the demo window has exactly these tabs.
  const blank = b.context.pages()[0];
  for (const [name, url] of Object.entries(tabs)) {
    const page = name === 'alex' && blank ? blank : await b.context.newPage();
    await page.goto(url);
    pages[name] = page;
  }

  if (args.has('--screenshots')) {
    await takeScreenshots(b, pages);
    return stopAll();
  }
  console.log(`
Ready. Chromium (${headless ? 'headless' : 'headed'}) has the extension "${b.extensionId}" and four tabs:
  ${tabs.alex}       Alex Masmej, $ALEX on chain 31337: the badge lights up, the popup shows him
  ${tabs.mike}       Mike Merrill, $MIKE on chain 31338
  ${tabs.base}  Jess, $JESS on the Base stand-in (84530), priced from a Uniswap V4 pool
  ${tabs.plain}  declares nothing: no badge, no request from the extension
Edge cases (broken, mismatched, hostile declarations): ${other}/
"Connect wallet" in the popup connects the test wallet (anvil account 1, which holds ALEX and MIKE);
it approves every request, like a holder clicking "Sign". Follow Alex, then "Votes & details":
his income rounds (one claimable, one claimed, one in a partner token), his pool and staking
rewards, and his open votes. On his page, "Holders only" has four gates: "Unlock with your wallet"
signs in once and shows the post, chat link or code in place (the fourth needs 25,000 ALEX: it
says so and asks for nothing). A hostile creator site to try the same on: ${other}/hostile-creator/
Chains: ${chainA.rpcUrl} (${chainA.chainId}), ${chainB.rpcUrl} (${chainB.chainId}) and ${chains.value.baseStandIn.rpcUrl} (${chains.value.baseStandIn.chainId}, the Base stand-in with Uniswap V3 and V4)
Watch-only addresses that hold tokens: ${ANVIL_ACCOUNTS[1].address} (some ALEX, LP, MIKE, and LENA, JESS, ZED, KAI, THIN on 84530), ${ANVIL_ACCOUNTS[2].address} (a large holder)
${headless ? 'No display, so Chromium is headless: open the sites in any browser, or use --screenshots.\n' : ''}Ctrl-C stops everything.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    b.context.once('close', () => resolve());
  });
  console.log('\nStopping…');
  await stopAll();
}

async function takeScreenshots(b: ExtensionBrowser, pages: Record<string, Page>): Promise<void> {
  for (const [name, page] of Object.entries(pages)) {
    await settle(page);
    console.log(await b.screenshot(page, `demo-${name}`));
  }
  for (const name of ['alex', 'mike', 'base']) {
    const tabId = await b.tabIdOf(pages[name]!);
    console.log(`${name}: tab ${tabId}, badge "${await b.badgeText(tabId)}"`);
    const popup = await b.openPopup(tabId);
    await settle(popup);
    console.log(await b.screenshot(popup, `demo-popup-${name}`));
    await popup.close();
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await stopAll();
    process.exit(1);
  },
);
