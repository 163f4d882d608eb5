import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { formatTokenId } from '../../lib/protocol/caip19';
import { DEVNET_A } from '../../lib/chain/devnet';
import { DEFAULT_DATABASE_NAME } from '../../lib/db/database';
import type { TallyView } from '../../lib/votes/contract';
import type { DemoServer } from '../demo-server/server';
import type { ExtensionBrowser } from '../e2e/harness/browser';
import { waitForBadge } from './popupFirstPaint';
import { prepareTallyBench } from './tallyVotesSetup';
import type { TraceEvent } from './trace';

// The seeded 10,000-vote tally (tallyVotesSetup.ts) in Chromium with the devnet build, asked of the
// service worker as the popup asks it: once with the signatures on the offscreen document's
// workers, once on the service worker alone (offscreen.createDocument made to refuse: Firefox's
// path), each time with the signer cache emptied first. A 4 ms heartbeat in the service worker
// gives its longest gap; each tally runs again under Chrome's tracing for the worker's longest
// task and that task's CPU. Runs last: it seeds the demo hub and the chain's balances.

type Chrome = typeof browser;

export interface ExtensionTallyRun {
  seconds: number;
  verified: number;
  total: number;
  /** The service worker's longest gap between 4 ms heartbeats (wall time, Playwright attached). */
  longestGapMs: number;
  /** Gaps over 50 ms. */
  gapsOver50Ms: number;
  /**
   * The service worker thread's longest task (Chrome trace, top-level RunTask): how long it held
   * the thread in one go, and how much of that was its own CPU (the rest: the OS ran others).
   */
  longestTask: { ms: number; cpuMs: number };
  /** The most CPU any one task used: what our code held the thread for, whatever else ran. */
  mostCpuTaskMs: number;
  /** Its tasks over 50 ms. */
  tasksOver50Ms: number;
  /** When each stage began, ms from the request. */
  stages: Record<string, number>;
  /** CPU time over the tally of the service worker's thread, and of the Web Workers' (Linux /proc). */
  serviceWorkerCpuMs: number;
  webWorkersCpuMs: number;
  /** Every Chromium thread's CPU over the tally: what the whole path costs the machine. */
  chromiumCpuMs: number;
}

export interface ExtensionTallyResult {
  votes: number;
  workers: ExtensionTallyRun;
  oneThread: ExtensionTallyRun;
}

/**
 * CPU milliseconds so far of Chromium's threads, by thread name (Linux /proc): the machine is
 * shared, so wall time says little; the service worker's and the Web Workers' own CPU time do.
 */
function chromiumThreadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  const tick = 1000 / 100; // USER_HZ
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        out.set(comm, (out.get(comm) ?? 0) + (Number(fields[11]) + Number(fields[12])) * tick); // utime + stime
      }
    } catch {
      // the process or thread ended meanwhile
    }
  }
  return out;
}

/** A trace event with the thread's own CPU time (`tdur`, µs) and the names threads carry. */
interface TaskEvent extends Omit<TraceEvent, 'args'> {
  tdur?: number;
  args?: { name?: string };
}

/**
 * `request` under Chrome's tracing; the service worker thread's top-level tasks while it ran
 * (RunTask: disabled-by-default-devtools.timeline), nested ones counted with their parent.
 */
async function serviceWorkerTasks<T>(
  context: BrowserContext,
  page: Page,
  request: () => Promise<T>,
): Promise<{ value: T; tasks: { ms: number; cpuMs: number }[] }> {
  const cdp = await context.newCDPSession(page);
  try {
    const events: TaskEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TaskEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    const value = await request();
    await cdp.send('Tracing.end');
    await complete;
    const worker = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'ServiceWorker thread')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const tasks: { ms: number; cpuMs: number }[] = [];
    let end = -Infinity;
    const runTasks = events
      .filter((e) => e.ph === 'X' && e.name === 'RunTask' && worker.has(`${e.pid}:${e.tid}`))
      .sort((a, b) => a.ts - b.ts);
    for (const task of runTasks) {
      if (task.ts < end) continue;
      end = task.ts + (task.dur ?? 0);
      tasks.push({ ms: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? 0) / 1000 });
    }
    return { value, tasks };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export async function measureExtensionTally(opts: {
  browser: ExtensionBrowser;
  demo: DemoServer;
  /** Chain A's anvil, for the seeded balances. */
  rpcUrl: string;
  votes?: number;
  log?: (line: string) => void;
}): Promise<ExtensionTallyResult> {
  const { browser, demo } = opts;
  const votes = opts.votes ?? 10_000;
  const data = await prepareTallyBench(demo.hub, opts.rpcUrl, votes, opts.log ?? console.log);
  const site = await browser.context.newPage();
  await site.goto(`${demo.origins.alex}/`);
  const tabId = await browser.tabIdOf(site);
  await waitForBadge(browser, tabId);
  const popup = await browser.openPopup(tabId);
  // The popup's own refresh done first: it would compete with the tally for the two cores.
  await popup.getByRole('button', { name: 'Refresh from the chain' }).and(popup.locator(':enabled')).waitFor();
  const tokenId = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);

  const ask = () =>
    popup.evaluate(
      (payload) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage<
          unknown,
          { ok: true; value: TallyView } | { ok: false; error: string }
        >(payload),
      { channel: 'companion-request', type: 'tally', payload: { tokenId, proposalId: data.proposalId } },
    );
  type TimedRun = Omit<ExtensionTallyRun, 'longestTask' | 'mostCpuTaskMs' | 'tasksOver50Ms'>;
  /** One tally with the signer cache emptied; under Chrome's tracing if `traced` (slower: its times are not kept). */
  const run = async (useWorkers: boolean, traced: boolean): Promise<TimedRun & { tasks: { ms: number; cpuMs: number }[] }> => {
    await popup.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const tx = open.result.transaction('voteSignerBatches', 'readwrite');
            tx.objectStore('voteSignerBatches').clear();
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      DEFAULT_DATABASE_NAME,
    );
    const sw = browser.serviceWorker;
    await sw.evaluate(async (workers) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const scope = globalThis as unknown as { createDocument?: Chrome['offscreen']['createDocument']; beat?: object };
      scope.createDocument ??= chrome.offscreen.createDocument.bind(chrome.offscreen);
      if (!workers && (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] })).length > 0) {
        await chrome.offscreen.closeDocument(); // the workers of the run before, kept for the next tally
        await new Promise((resolve) => setTimeout(resolve, 500)); // the port's disconnect reaches the pool
      }
      chrome.offscreen.createDocument = workers ? scope.createDocument : async () => Promise.reject(new Error('bench: one thread'));
      let last = performance.now();
      const t0 = last;
      const beat = { max: 0, over50: 0, timer: 0, stages: {} as Record<string, number> };
      beat.timer = Number(
        setInterval(() => {
          const now = performance.now();
          beat.max = Math.max(beat.max, now - last);
          if (now - last > 50) beat.over50++;
          last = now;
        }, 4),
      );
      // When each stage of the tally began, in the same clock (the progress the popup watches).
      chrome.storage.session.onChanged.addListener((changes) => {
        for (const change of Object.values(changes)) {
          const stage = (change.newValue as { stage?: string } | undefined)?.stage;
          if (stage && !(stage in beat.stages)) beat.stages[stage] = Math.round(performance.now() - t0);
        }
      });
      scope.beat = beat;
    }, useWorkers);
    const cpuBefore = chromiumThreadCpu();
    const started = performance.now();
    const { value: answer, tasks } = traced ? await serviceWorkerTasks(browser.context, popup, ask) : { value: await ask(), tasks: [] };
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = chromiumThreadCpu();
    const cpuOf = (thread: RegExp) =>
      [...cpuAfter].filter(([name]) => thread.test(name)).reduce((sum, [name, ms]) => sum + ms - (cpuBefore.get(name) ?? 0), 0);
    const beat = await sw.evaluate(() => {
      const scope = globalThis as unknown as { beat: { max: number; over50: number; timer: number; stages: Record<string, number> } };
      clearInterval(scope.beat.timer);
      return scope.beat;
    });
    if (!answer.ok) throw new Error(answer.error);
    if (answer.value.verified !== votes) throw new Error(`The tally verified ${answer.value.verified} of ${votes} seeded votes`);
    return {
      seconds,
      verified: answer.value.verified,
      total: answer.value.total,
      longestGapMs: beat.max,
      gapsOver50Ms: beat.over50,
      stages: beat.stages,
      serviceWorkerCpuMs: cpuOf(/^ServiceWorker/),
      webWorkersCpuMs: cpuOf(/^DedicatedWorker/),
      chromiumCpuMs: cpuOf(/./),
      tasks,
    };
  };
  /** Timed, then again under tracing for the service worker's tasks. */
  const measure = async (useWorkers: boolean): Promise<ExtensionTallyRun> => {
    const { tasks: _, ...timed } = await run(useWorkers, false);
    const { tasks } = await run(useWorkers, true);
    if (tasks.length === 0) throw new Error('The trace shows no task of the service worker');
    return {
      ...timed,
      longestTask: tasks.reduce((a, b) => (b.ms > a.ms ? b : a)),
      mostCpuTaskMs: Math.max(...tasks.map((t) => t.cpuMs)),
      tasksOver50Ms: tasks.filter((t) => t.ms > 50).length,
    };
  };
  try {
    const workers = await measure(true);
    const oneThread = await measure(false);
    return { votes, workers, oneThread };
  } finally {
    await popup.close();
    await site.close();
  }
}
