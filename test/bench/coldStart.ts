import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REQUEST_CHANNEL } from '../../lib/messaging/envelope';
import { CHROMIUM, type InWorker } from '../e2e/harness/browser';
import type { ExtensionBuild } from './build';
import type { Cleanup } from './cleanup';

// Issue 15, item 5: how long a stopped service worker takes to give its first answer. Chromium
// stops every service worker (DevTools protocol `ServiceWorker.stopAllWorkers`, as the browser does
// after 30 s idle); an extension page then sends one request and times the answer, which needs the
// worker started and its script evaluated. Beside it, in the same browser and the same rounds, an
// empty MV3 worker that only answers: what the browser itself costs.

const ROUNDS = 7;

export interface ColdStartResult {
  /** Median over the rounds, ms: our worker stopped, an extension page's request answered. */
  ms: number;
  /** The same for an empty MV3 worker that only answers. */
  emptyWorkerMs: number;
  /** A request to our running worker, for reference. */
  warmMs: number;
  rounds: { ours: number; empty: number }[];
  backgroundJsBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptc-empty-mv3-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Empty MV3 worker', version: '1.0', background: { service_worker: 'background.js' } }),
  );
  writeFileSync(
    join(dir, 'background.js'),
    'chrome.runtime.onMessage.addListener((m, s, answer) => { answer({ ok: true, value: null }); });\n',
  );
  writeFileSync(join(dir, 'page.html'), '<!doctype html><title>empty</title>');
  return dir;
}

/** One request from the page to its extension's worker, timed in the page. */
function ask(page: Page): Promise<number> {
  return page.evaluate(async (channel: string) => {
    const start = performance.now();
    // An unknown type: the router refuses it at once, after the worker has loaded everything it loads.
    await (globalThis as unknown as InWorker).chrome.runtime.sendMessage({ channel, type: 'bench.coldStartProbe', payload: null });
    return performance.now() - start;
  }, REQUEST_CHANNEL);
}

/** Stops every service worker of the profile and waits until the protocol reports them stopped. */
async function stopAllWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const running = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { versionId: string; runningStatus: string }[] }) => {
    for (const v of versions) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while ([...running.values()].some((s) => s !== 'stopped')) {
    if (Date.now() > deadline) throw new Error(`Service workers still running: ${JSON.stringify([...running])}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}

export async function measureColdStart(build: ExtensionBuild, cleanup: Cleanup): Promise<ColdStartResult> {
  const empty = emptyExtension();
  cleanup.add('empty MV3 extension', () => rmSync(empty, { recursive: true, force: true }));
  const dirs = [build.dir, empty];
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [`--disable-extensions-except=${dirs.join(',')}`, `--load-extension=${dirs.join(',')}`, '--no-sandbox', '--no-first-run'],
  });
  cleanup.add('Chromium for the cold start', () => context.close());
  try {
    const deadline = Date.now() + 30_000;
    while (context.serviceWorkers().length < 2) {
      if (Date.now() > deadline) throw new Error('The two service workers did not start');
      await context.waitForEvent('serviceworker', { timeout: 30_000 });
    }
    // Which worker is which: each extension's own page reads its manifest's name.
    const hosts = context.serviceWorkers().map((w) => new URL(w.url()).host);
    const pages: Page[] = [];
    for (const host of hosts) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${host}/manifest.json`);
      pages.push(page);
    }
    const names = await Promise.all(
      pages.map((p) => p.evaluate(() => (globalThis as unknown as InWorker).chrome.runtime.getManifest().name)),
    );
    const emptyAt = names.indexOf('Empty MV3 worker');
    if (emptyAt < 0) throw new Error(`No empty worker among ${names.join(', ')}`);
    const emptyPage = pages[emptyAt]!;
    const ourPage = pages[1 - emptyAt]!;
    await emptyPage.goto(`chrome-extension://${hosts[emptyAt]}/page.html`);
    await ourPage.goto(`chrome-extension://${hosts[1 - emptyAt]}/manifest.json`);
    await ask(ourPage); // both warm once
    await ask(emptyPage);
    const warm: number[] = [];
    for (let i = 0; i < ROUNDS; i++) warm.push(await ask(ourPage));
    const rounds: ColdStartResult['rounds'] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await stopAllWorkers(context, emptyPage);
      const ours = await ask(ourPage);
      await stopAllWorkers(context, emptyPage);
      const emptyMs = await ask(emptyPage);
      rounds.push({ ours, empty: emptyMs });
    }
    return {
      ms: median(rounds.map((r) => r.ours)),
      emptyWorkerMs: median(rounds.map((r) => r.empty)),
      warmMs: median(warm),
      rounds,
      backgroundJsBytes: statSync(join(build.dir, 'background.js')).size,
    };
  } finally {
    await context.close();
  }
}
