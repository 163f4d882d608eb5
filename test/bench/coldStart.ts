import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REQUEST_CHANNEL } from '../../lib/messaging/envelope';
import { CHROMIUM, type InWorker } from '../e2e/harness/browser';
import type { ExtensionBuild } from './build';
import type { Cleanup } from './cleanup';
import type { TraceEvent } from './trace';

// Issue 15, item 5: how long a stopped service worker takes to give its first answer. Chromium
// stops every service worker (DevTools protocol `ServiceWorker.stopAllWorkers`, as the browser does
// after 30 s idle); an extension page then sends one request and times the answer, which needs the
// worker started and its script evaluated. Beside it, in the same browser and the same rounds, an
// empty MV3 worker that only answers: what the browser itself costs.
//
// The headline is the popup's own first request, `tab-state` for an ordinary http page: the start
// script (background.js) answers it from storage.session. Beside it, a request only the rest of the
// background answers (an unknown type: the features' router refuses it), which loads
// background-features.js into the woken worker: what the first chain read or signature pays on top.

const ROUNDS = 11;
/** Rounds again under Chrome's tracing (it slows the start down), for the worker thread's CPU time. */
const TRACED_ROUNDS = 5;
/** Quiet time after the workers stopped, before the next start is timed. */
const SETTLE_MS = 300;
/**
 * After a worker that loaded the features, the browser stays busy for a few seconds (on this
 * 2-core machine, starts in that window took ~75 ms instead of ~35 ms): the popup's rounds run
 * before any features round, and this long after the features were last loaded.
 */
const AFTER_FEATURES_MS = 6_000;

export interface ColdStartResult {
  /** Median over the rounds, ms: worker stopped, the popup's first request (`tab-state`) answered. */
  ms: number;
  /** The same for an empty MV3 worker that only answers. */
  emptyWorkerMs: number;
  /** Worker stopped, a request only the background's features answer (they are loaded on the way). */
  featuresMs: number;
  /** A request to our running worker, for reference. */
  warmMs: number;
  rounds: { tabState: number; empty: number; features: number }[];
  /**
   * CPU time of the worker's thread from its start to the answer (trace `tdur`), median of the
   * traced rounds: what the start costs, whatever else the machine is doing.
   */
  cpu: { tabState: WorkerCpu; empty: WorkerCpu; features: WorkerCpu };
  backgroundJsBytes: number;
  featuresJsBytes: number;
}

export interface WorkerCpu {
  /** Every task of the worker thread up to the answer. */
  totalMs: number;
  /** Reading and decoding background.js. */
  loadMs: number;
  /** Compiling it (loading its code cache). */
  compileMs: number;
  /** Running it: module evaluation and startBackground. */
  runMs: number;
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

/** One request from the page to its extension's worker, timed in the page, with the answer. */
function timedRequest(page: Page, type: string, payload: unknown): Promise<{ ms: number; answer: unknown }> {
  return page.evaluate(
    async ({ channel, type, payload }) => {
      const start = performance.now();
      const answer: unknown = await (globalThis as unknown as InWorker).chrome.runtime.sendMessage({ channel, type, payload });
      return { ms: performance.now() - start, answer };
    },
    { channel: REQUEST_CHANNEL, type, payload },
  );
}

/** An unknown type: the features' router refuses it, once the worker has loaded them. */
async function ask(page: Page, expectRefusal = true): Promise<number> {
  const { ms, answer } = await timedRequest(page, 'bench.coldStartProbe', null);
  const refused = typeof answer === 'object' && answer !== null && 'code' in answer && answer.code === 'router.unknown-request';
  if (expectRefusal && !refused) throw new Error(`The probe was not refused by the router: ${JSON.stringify(answer)}`);
  return ms;
}

/** The popup's first request for a tab; the answer must be a success (null: the page declares nothing). */
async function askTabState(page: Page, tabId: number): Promise<number> {
  const { ms, answer } = await timedRequest(page, 'tab-state', { tabId });
  if (JSON.stringify(answer) !== JSON.stringify({ ok: true, value: null })) throw new Error(`tab-state answered ${JSON.stringify(answer)}`);
  return ms;
}

/** A trace event with the thread's own CPU time (`tdur`) and what thread names and marks carry. */
interface CpuTraceEvent extends Omit<TraceEvent, 'args'> {
  tdur?: number;
  args?: { name?: string; data?: { message?: string } };
}

const ANSWERED = 'ptc-cold-start-answered';

/**
 * `request` under Chrome's tracing; the page marks the answer (console.timeStamp). Sums the CPU
 * time (tdur) of the service-worker thread's tasks that began before it. Only one worker is
 * started per round, so the thread is the one that woke.
 */
async function tracedCpu(context: BrowserContext, page: Page, request: () => Promise<unknown>): Promise<WorkerCpu> {
  const cdp = await context.newCDPSession(page);
  try {
    const events: CpuTraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as CpuTraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      categories: 'toplevel,v8,devtools.timeline,disabled-by-default-devtools.timeline,ServiceWorker',
      transferMode: 'ReportEvents',
    });
    await request();
    await page.evaluate((mark) => console.timeStamp(mark), ANSWERED);
    await cdp.send('Tracing.end');
    await complete;
    const answered = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === ANSWERED);
    if (!answered) throw new Error('The trace has no answer mark');
    const workerThreads = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'ServiceWorker thread')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const before = events.filter((e) => e.ph === 'X' && e.ts < answered.ts && workerThreads.has(`${e.pid}:${e.tid}`));
    const cpuOf = (name: string) => before.filter((e) => e.name === name).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
    // Top-level tasks only (RunTask: disabled-by-default-devtools.timeline): a nested one is counted with its parent.
    let end = -Infinity;
    let total = 0;
    for (const task of before.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts)) {
      if (task.ts < end) continue;
      end = task.ts + (task.dur ?? 0);
      total += task.tdur ?? 0;
    }
    return {
      totalMs: total / 1000,
      loadMs: cpuOf('ServiceWorkerInstalledScriptsManager::GetScriptData'),
      compileMs: cpuOf('v8.compile'),
      runMs: cpuOf('v8.run'),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const medianCpu = (xs: WorkerCpu[]): WorkerCpu => ({
  totalMs: median(xs.map((x) => x.totalMs)),
  loadMs: median(xs.map((x) => x.loadMs)),
  compileMs: median(xs.map((x) => x.compileMs)),
  runMs: median(xs.map((x) => x.runMs)),
});

/**
 * Stops every service worker of the profile and waits until the protocol reports them stopped,
 * then a little longer: the browser finishes what the last worker left it (its code cache) before
 * the next one is timed.
 */
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
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
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
  // An ordinary page on this machine, for the popup's tab-state request.
  const server = createServer((_, res) => res.end('<!doctype html><title>plain</title><p>Nothing declared here.'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add('plain page server', () => void server.close());
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The plain page server has no port');
  const plainUrl = `http://127.0.0.1:${address.port}/`;
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
    const plain = await context.newPage();
    await plain.goto(plainUrl);
    const plainTabId = await ourPage.evaluate(
      async (url) => (await (globalThis as unknown as InWorker).chrome.tabs.query({ url })).find((t) => t.id !== undefined)?.id,
      plainUrl,
    );
    if (plainTabId === undefined) throw new Error(`No tab shows ${plainUrl}`);
    await ask(ourPage); // both warm once
    await ask(emptyPage, false);
    const warm: number[] = [];
    for (let i = 0; i < ROUNDS; i++) warm.push(await ask(ourPage));
    // A browser session's first tab-state builds storage.session's copy of the listed sites.
    await askTabState(ourPage, plainTabId);
    await new Promise((resolve) => setTimeout(resolve, AFTER_FEATURES_MS));
    // The answer is marked from the asking page, so the empty worker's rounds ask from its own page.
    const empty: number[] = [];
    const tabState: number[] = [];
    const cpu: Record<'tabState' | 'empty' | 'features', WorkerCpu[]> = { tabState: [], empty: [], features: [] };
    for (let i = 0; i < ROUNDS; i++) {
      await stopAllWorkers(context, emptyPage);
      empty.push(await ask(emptyPage, false));
      await stopAllWorkers(context, emptyPage);
      tabState.push(await askTabState(ourPage, plainTabId));
    }
    for (let i = 0; i < TRACED_ROUNDS; i++) {
      await stopAllWorkers(context, emptyPage);
      cpu.empty.push(await tracedCpu(context, emptyPage, () => ask(emptyPage, false)));
      await stopAllWorkers(context, emptyPage);
      cpu.tabState.push(await tracedCpu(context, ourPage, () => askTabState(ourPage, plainTabId)));
    }
    const features: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await stopAllWorkers(context, emptyPage);
      features.push(await ask(ourPage));
    }
    for (let i = 0; i < TRACED_ROUNDS; i++) {
      await stopAllWorkers(context, emptyPage);
      cpu.features.push(await tracedCpu(context, ourPage, () => ask(ourPage)));
    }
    return {
      ms: median(tabState),
      emptyWorkerMs: median(empty),
      featuresMs: median(features),
      warmMs: median(warm),
      rounds: tabState.map((ms, i) => ({ tabState: ms, empty: empty[i]!, features: features[i]! })),
      cpu: { tabState: medianCpu(cpu.tabState), empty: medianCpu(cpu.empty), features: medianCpu(cpu.features) },
      backgroundJsBytes: statSync(join(build.dir, 'background.js')).size,
      featuresJsBytes: statSync(join(build.dir, 'background-features.js')).size,
    };
  } finally {
    await context.close();
    server.close();
  }
}
