import type { AlertRefreshBenchResult } from './alertRefresh';
import type { ClaimsBenchResult } from './claimsLookup';
import type { ColdStartResult } from './coldStart';
import type { ContentScriptSize } from './contentScriptSize';
import type { ExtensionTallyResult, ExtensionTallyRun } from './extensionTally';
import { MAX_BALANCE_READS_PER_CALL, type Discovery5kResult } from './discovery5k';
import type { NonTokenPageResult } from './nonTokenPage';
import { SLOW_RPC_MS, type PopupFirstPaintResult } from './popupFirstPaint';
import { bytes, ms, times, type Row } from './report';
import { ADDED_LATENCY_MS, type RpcRefreshResult } from './rpcRefresh';
import type { TallyBenchResult } from './tallyVotes';

// The budgets of PRODUCT.md "Quality bars: Performance", and how each measured figure meets them.

export const BUDGETS = {
  contentScriptBytes: 6 * 1024,
  nonTokenPageRequests: 0,
  /** "About 1 ms": a median this far above 1 ms is no longer "about". */
  nonTokenPageScriptMs: 1.5,
  rpcRequestsPerRefresh: { min: 1, max: 2, fewerThanNaive: 10 },
  refreshSpeedupVsNaive: 1,
  /** "Well under" the one-second RPC delay. */
  popupFirstPaintMsSlowRpc: SLOW_RPC_MS / 2,
  /** Issue 15: a holder will not wait half a minute; 3 s on a 2-core machine. */
  tally10kVotesSeconds: 3,
  /** The thread running the tally (the service worker's) is never held longer than this. */
  tallyMaxBlockedMs: 50,
  /** "Found and verified in under a second and cached." */
  claims100kLookupMs: 1_000,
  /** "Cached": near zero, i.e. no perceptible wait. */
  claims100kCachedLookupMs: 10,
  /** Issue 15: a stopped service worker answers within twice the time of an empty MV3 worker. */
  serviceWorkerColdStartVsEmpty: 2,
  /** Issue 13: one request per chain for a background alert refresh of 50 followed creators. */
  alertRefreshRequests: 1,
} as const;

export interface Results {
  size?: ContentScriptSize;
  rpc?: RpcRefreshResult;
  nonToken?: NonTokenPageResult;
  popup?: PopupFirstPaintResult;
  tally?: TallyBenchResult;
  claims?: ClaimsBenchResult;
  alerts?: AlertRefreshBenchResult;
  discovery?: Discovery5kResult;
  coldStart?: ColdStartResult;
  extensionTally?: ExtensionTallyResult;
}

/** Seconds, one decimal. */
const s = (x: number) => `${x.toFixed(1)} s`;

const missing = (figure: string, budget: string): Row => ({ figure, measured: 'not measured', baseline: '', budget, ok: 'error' });

export function rowsOf({ size, rpc, nonToken, popup, tally, claims, alerts, discovery, coldStart, extensionTally }: Results): Row[] {
  const b = BUDGETS;
  const rows: Row[] = [];
  rows.push(
    size
      ? {
          figure: 'All-pages content script (release, minified)',
          measured: bytes(size.bytes),
          baseline: `gzip ${bytes(size.gzipBytes)}`,
          budget: `≤ ${bytes(b.contentScriptBytes)}`,
          ok: size.bytes <= b.contentScriptBytes,
        }
      : missing('All-pages content script (release, minified)', `≤ ${bytes(b.contentScriptBytes)}`),
  );
  if (nonToken) {
    rows.push(
      {
        figure: `Requests caused on /plain (${nonToken.loads + 1} loads)`,
        measured: String(nonToken.requests.total),
        baseline: `page's own: ${nonToken.baselineRequestsPerLoad}/load`,
        budget: '0',
        ok: nonToken.requests.total === b.nonTokenPageRequests,
      },
      {
        figure: 'Content-script main thread on /plain (median)',
        measured: ms(nonToken.scriptMs),
        baseline: `whole load: ${ms(nonToken.baselineMainThreadMs)} without ext, ${ms(nonToken.mainThreadMs)} with`,
        budget: `≈ 1 ms (≤ ${b.nonTokenPageScriptMs})`,
        ok: nonToken.scriptMs <= b.nonTokenPageScriptMs,
      },
    );
  } else rows.push(missing('Requests caused on /plain', '0'), missing('Content-script main thread on /plain', '≈ 1 ms'));
  if (rpc) {
    const r = b.rpcRequestsPerRefresh;
    const fewer = rpc.naive.requests / rpc.multicall.requests;
    rows.push(
      {
        figure: `RPC requests per refresh (${rpc.tokens} tokens)`,
        measured: String(rpc.multicall.requests),
        baseline: `naive: ${rpc.naive.requests} (${times(fewer)} more)`,
        budget: `${r.min}–${r.max}, ≥ ${r.fewerThanNaive}× fewer`,
        ok: rpc.multicall.requests >= r.min && rpc.multicall.requests <= r.max && fewer >= r.fewerThanNaive && rpc.sameResult,
      },
      {
        figure: `Refresh speed-up vs naive (+${ADDED_LATENCY_MS} ms/response)`,
        measured: times(rpc.naive.medianMs / rpc.multicall.medianMs),
        baseline: `naive ${ms(rpc.naive.medianMs)} / multicall ${ms(rpc.multicall.medianMs)}`,
        budget: `> ${b.refreshSpeedupVsNaive}× (faster)`,
        ok: rpc.naive.medianMs / rpc.multicall.medianMs > b.refreshSpeedupVsNaive,
      },
      {
        figure: 'Same, naive held to 6 connections/host (browser)',
        measured: times(rpc.naiveBrowserLimit.medianMs / rpc.multicall.medianMs),
        baseline: `naive ${ms(rpc.naiveBrowserLimit.medianMs)} / multicall ${ms(rpc.multicall.medianMs)}`,
        budget: `> ${b.refreshSpeedupVsNaive}× (faster)`,
        ok: rpc.naiveBrowserLimit.medianMs / rpc.multicall.medianMs > b.refreshSpeedupVsNaive,
      },
    );
  } else rows.push(missing('RPC requests per refresh', '1–2'), missing('Refresh speed-up vs naive', '> 1×'));
  if (popup) {
    rows.push(
      // No budget of its own: with a local RPC the refresh may well land before IndexedDB's first
      // read, so the order says nothing. It is the reference the slow-RPC row must stay close to.
      {
        figure: 'Popup first holdings paint, RPC normal',
        measured: ms(popup.cached.firstPaintMs),
        baseline: `fresh data at ${ms(popup.cached.freshDataMs)}`,
        budget: 'reference',
        ok: 'info',
      },
      {
        figure: `Popup first holdings paint, RPC +${SLOW_RPC_MS} ms`,
        measured: ms(popup.slowRpc.firstPaintMs),
        baseline: `fresh data at ${ms(popup.slowRpc.freshDataMs)}`,
        budget: `< ${ms(b.popupFirstPaintMsSlowRpc)}`,
        ok: popup.slowRpc.firstPaintMs < b.popupFirstPaintMsSlowRpc,
      },
    );
    rows.push({
      figure: `RPC requests per popup open (${popup.followed} chains, real extension)`,
      measured: String(popup.cached.rpcRequestsPerOpen),
      baseline: `one per read: ${popup.followed * 8} (3 + 5 per token, 1 token per chain)`,
      budget: `≤ 2 per chain`,
      ok: popup.cached.rpcRequestsPerOpen <= 2 * popup.followed,
    });
  } else
    rows.push(
      missing('Popup first holdings paint, RPC normal', 'reference'),
      missing('Popup first holdings paint, RPC slow', `< ${ms(b.popupFirstPaintMsSlowRpc)}`),
    );
  rows.push(
    ...tallyRows(tally),
    ...extensionTallyRows(extensionTally),
    ...claimsRows(claims),
    alertsRow(alerts),
    ...discoveryRows(discovery),
    coldStartRow(coldStart),
  );
  return rows;
}

function discoveryRows(d: Discovery5kResult | undefined): Row[] {
  const figure = 'Discovery of 5,000 listed tokens: requests per refresh';
  if (!d) return [missing(figure, 'chains + chunks'), missing('Discovery of 5,000 listed tokens: time', 'faster than 1 request/token')];
  const budget = d.chains + d.chunks;
  return [
    {
      figure: `${figure} (${d.chains} chains, ${d.chunks} chunks of ≤ ${MAX_BALANCE_READS_PER_CALL})`,
      measured: `${d.requests} (${d.calls} eth_call)`,
      baseline: `1 per token: ${d.naive.requests}`,
      budget: `≤ ${budget} (chains + chunks)`,
      ok: d.requests <= budget && d.calls === d.chunks && d.sameResult,
    },
    {
      figure: `Discovery of 5,000 listed tokens: time (+${ADDED_LATENCY_MS} ms/response)`,
      measured: ms(d.medianMs),
      baseline: `1 request per token, 6 connections/host: ${ms(d.naive.ms)}`,
      budget: 'faster than the baseline',
      ok: d.medianMs < d.naive.ms && d.sameResult,
    },
  ];
}

function tallyRows(tally: TallyBenchResult | undefined): Row[] {
  const figure = 'Verified tally of 10,000 votes (signatures + balances at snapshot)';
  const budget = `≤ ${BUDGETS.tally10kVotesSeconds} s`;
  if (!tally) return [missing(figure, budget)];
  const { sample } = tally.baseline;
  const perVote = (total: number) => `${(total / sample.votes).toFixed(2)} ms`;
  const one = tally.oneThread;
  return [
    {
      figure: `${figure}, signatures on ${tally.threads} worker threads, pipelined`,
      measured: s(tally.seconds),
      baseline: `naive ${s(tally.baseline.secondsFor10k)} (snapshot.js verify + 1 eth_call per vote): ${times(tally.baseline.secondsFor10k / tally.seconds)} faster`,
      budget,
      ok: tally.seconds <= BUDGETS.tally10kVotesSeconds,
    },
    {
      figure: 'Longest the tally held its thread (5 ms heartbeat)',
      measured: `${ms(tally.maxBlockedMs)} (${tally.maxBlockedStage})`,
      baseline: `CPU time of the longest gap ${ms(tally.maxBlockedCpuMs)}; in the extension, the service worker`,
      budget: `≤ ${ms(BUDGETS.tallyMaxBlockedMs)}`,
      ok: tally.maxBlockedMs <= BUDGETS.tallyMaxBlockedMs,
    },
    {
      figure: 'Same tally in one thread (no workers: Firefox)',
      measured: s(one.seconds),
      baseline: `naive ${times(tally.baseline.secondsFor10k / one.seconds)} slower; longest block ${ms(one.maxBlockedMs)} (CPU ${ms(one.maxBlockedCpuMs)})`,
      budget: 'reference',
      ok: 'info',
    },
    {
      figure: 'Same, one thread, again with the signers already recovered',
      measured: s(tally.retallySeconds),
      baseline: `first tally ${s(one.seconds)}`,
      budget: 'reference',
      ok: 'info',
    },
    {
      figure: `Per vote, ${sample.votes.toLocaleString('en-US')} votes side by side: signature + balance`,
      measured: `${perVote(sample.ours.signaturesMs)} + ${perVote(sample.ours.balancesMs)}`,
      baseline: `snapshot.js verify ${perVote(sample.naive.signaturesMs)} + eth_call ${perVote(sample.naive.balancesMs)}`,
      budget: 'reference',
      ok: 'info',
    },
  ];
}

function extensionTallyRows(t: ExtensionTallyResult | undefined): Row[] {
  const figure = 'Same 10,000-vote tally in the extension (Chromium, asked as the popup asks), signatures on the offscreen workers';
  const taskFigure = "The service worker's longest task during it (Chrome trace)";
  const gapFigure = "The service worker's longest gap between 4 ms beats during it";
  const budget = `≤ ${BUDGETS.tally10kVotesSeconds} s`;
  const gapBudget = `≤ ${ms(BUDGETS.tallyMaxBlockedMs)}`;
  if (!t) return [missing(figure, budget), missing(taskFigure, gapBudget), missing(gapFigure, gapBudget)];
  const cpu = (r: ExtensionTallyRun) =>
    `service worker CPU ${s(r.serviceWorkerCpuMs / 1000)}, Web Workers ${s(r.webWorkersCpuMs / 1000)}, all of Chromium ${s(r.chromiumCpuMs / 1000)}`;
  return [
    {
      figure,
      measured: s(t.workers.seconds),
      baseline: `one thread (Firefox's path) ${s(t.oneThread.seconds)}; ${cpu(t.workers)}; one thread: ${cpu(t.oneThread)}`,
      budget,
      ok: t.workers.seconds <= BUDGETS.tally10kVotesSeconds,
    },
    {
      figure: taskFigure,
      measured: ms(t.workers.longestTask.ms),
      baseline:
        `its CPU ${ms(t.workers.longestTask.cpuMs)}; ${t.workers.tasksOver50Ms} tasks over 50 ms; most CPU in one task ${ms(t.workers.mostCpuTaskMs)}; ` +
        `one thread ${ms(t.oneThread.longestTask.ms)}, CPU ${ms(t.oneThread.longestTask.cpuMs)} (${t.oneThread.tasksOver50Ms} over 50 ms; most CPU ${ms(t.oneThread.mostCpuTaskMs)})`,
      budget: gapBudget,
      ok: t.workers.longestTask.ms <= BUDGETS.tallyMaxBlockedMs,
    },
    {
      figure: gapFigure,
      measured: ms(t.workers.longestGapMs),
      baseline: `${t.workers.gapsOver50Ms} gaps over 50 ms; one thread ${ms(t.oneThread.longestGapMs)} (${t.oneThread.gapsOver50Ms} over 50 ms); Playwright attached`,
      budget: gapBudget,
      ok: t.workers.longestGapMs <= BUDGETS.tallyMaxBlockedMs,
    },
  ];
}

function coldStartRow(c: ColdStartResult | undefined): Row {
  const figure = "Service worker cold start: stopped, the popup's first request (tab-state) answered (median of 11)";
  const budget = `≤ ${BUDGETS.serviceWorkerColdStartVsEmpty}× the empty worker`;
  if (!c) return missing(figure, budget);
  return {
    figure: `${figure}, background.js ${bytes(c.backgroundJsBytes)}`,
    measured: ms(c.ms),
    baseline:
      `empty MV3 worker ${ms(c.emptyWorkerMs)}; ${withinBudget(c)} of ${c.rounds.length} rounds within the budget; ` +
      `worker CPU to the answer ${ms(c.cpu.tabState.totalMs)} ` +
      `(load ${ms(c.cpu.tabState.loadMs)}, compile ${ms(c.cpu.tabState.compileMs)}, run ${ms(c.cpu.tabState.runMs)}), empty worker ${ms(c.cpu.empty.totalMs)}; ` +
      `a request that loads background-features.js (${bytes(c.featuresJsBytes)}) ${ms(c.featuresMs)}, CPU ${ms(c.cpu.features.totalMs)}; warm ${ms(c.warmMs)}`,
    budget,
    ok: c.ms <= BUDGETS.serviceWorkerColdStartVsEmpty * c.emptyWorkerMs,
  };
}

/** Rounds whose start took at most the budget's multiple of the same round's empty worker (starts are bimodal here). */
function withinBudget(c: ColdStartResult): number {
  return c.rounds.filter((r) => r.tabState <= BUDGETS.serviceWorkerColdStartVsEmpty * r.empty).length;
}

function alertsRow(alerts: AlertRefreshBenchResult | undefined): Row {
  const figure = 'RPC requests per chain, background alert refresh (50 creators)';
  const budget = `${BUDGETS.alertRefreshRequests} per chain`;
  if (!alerts) return missing(figure, budget);
  return {
    figure,
    measured: `${alerts.requestsPerChain} (${alerts.calls} calls)`,
    baseline: `+ ${alerts.hubRequests} hub, ${alerts.otherHttpRequests} other HTTP; first run ${alerts.firstRun.requestsPerChain} RPC + ${alerts.firstRun.httpRequests} HTTP`,
    budget,
    ok: alerts.requestsPerChain <= BUDGETS.alertRefreshRequests,
  };
}

function claimsRows(claims: ClaimsBenchResult | undefined): Row[] {
  const figure = '100,000-entry claims file: find + verify the holder, cold';
  const cachedFigure = 'Same, entry cached by the file hash';
  const budget = `< ${ms(BUDGETS.claims100kLookupMs)}`;
  const cachedBudget = `< ${ms(BUDGETS.claims100kCachedLookupMs)}`;
  if (!claims) return [missing(figure, budget), missing(cachedFigure, cachedBudget)];
  const mb = `${(claims.fileBytes / 1024 / 1024).toFixed(0)} MB`;
  return [
    {
      figure: `${figure} (${mb})`,
      measured: ms(claims.coldMs),
      baseline: `JSON.parse alone ${ms(claims.baselineJsonParseMs)}; parse + find ${ms(claims.baselineFullParseLookupMs)}`,
      budget,
      ok: claims.coldMs < BUDGETS.claims100kLookupMs,
    },
    {
      figure: cachedFigure,
      measured: ms(claims.cachedMs),
      baseline: `cold ${ms(claims.coldMs)}`,
      budget: cachedBudget,
      ok: claims.cachedMs < BUDGETS.claims100kCachedLookupMs,
    },
    {
      figure: 'Same file, a holder not in it, cold',
      measured: ms(claims.notListedColdMs),
      baseline: '',
      budget,
      ok: claims.notListedColdMs < BUDGETS.claims100kLookupMs,
    },
  ];
}

/** `.output/bench.json`: the headline figures at the top level, what they rest on below. */
export function jsonOf(
  { size, rpc, nonToken, popup, tally, claims, alerts, discovery, coldStart, extensionTally }: Results,
  errors: Record<string, string>,
) {
  const n = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);
  return {
    contentScriptBytes: n(size?.bytes),
    nonTokenPageRequests: n(nonToken?.requests.total),
    nonTokenPageScriptMs: n(nonToken?.scriptMs),
    rpcRequestsPerRefresh: n(rpc?.multicall.requests),
    rpcNaiveRequestsPerRefresh: n(rpc?.naive.requests),
    refreshSpeedupVsNaive: n(rpc && rpc.naive.medianMs / rpc.multicall.medianMs),
    refreshSpeedupVsNaiveBrowserLimit: n(rpc && rpc.naiveBrowserLimit.medianMs / rpc.multicall.medianMs),
    popupFirstPaintMsCached: n(popup?.cached.firstPaintMs),
    popupFirstPaintMsSlowRpc: n(popup?.slowRpc.firstPaintMs),
    tally10kVotesSeconds: n(tally?.seconds),
    /** The same tally in one thread (no workers: Firefox, or a Chrome without an offscreen document). */
    tally10kVotesSecondsOneThread: n(tally?.oneThread.seconds),
    tally10kVotesSecondsRetally: n(tally?.retallySeconds),
    tallyMaxBlockedMsOneThread: n(tally?.oneThread.maxBlockedMs),
    tally10kVotesSpeedupVsNaive: n(tally && tally.baseline.secondsFor10k / tally.seconds),
    tallyMaxBlockedMs: n(tally?.maxBlockedMs),
    /** The same figure under the name issue 15 gives it: the tally runs in the service worker. */
    serviceWorkerLongestBlockMs: n(tally?.maxBlockedMs),
    /** The same gaps in CPU time of the tallying process (the OS's scheduling left out). */
    serviceWorkerLongestBlockCpuMs: n(tally?.maxBlockedCpuMs),
    /** The same tally in Chromium with the devnet build: signatures on the offscreen document's workers. */
    extensionTally10kVotesSeconds: n(extensionTally?.workers.seconds),
    extensionTally10kVotesSecondsOneThread: n(extensionTally?.oneThread.seconds),
    /** The service worker's longest gap between 4 ms beats during that tally (wall time). */
    extensionServiceWorkerLongestGapMs: n(extensionTally?.workers.longestGapMs),
    extensionServiceWorkerLongestGapMsOneThread: n(extensionTally?.oneThread.longestGapMs),
    /** Its longest task (Chrome trace): how long one piece of work held the thread, and that task's own CPU. */
    extensionServiceWorkerLongestTaskMs: n(extensionTally?.workers.longestTask.ms),
    extensionServiceWorkerLongestTaskCpuMs: n(extensionTally?.workers.longestTask.cpuMs),
    extensionServiceWorkerLongestTaskMsOneThread: n(extensionTally?.oneThread.longestTask.ms),
    /** The most CPU any one task of the service worker used during the tally (workers; one thread). */
    extensionServiceWorkerMostCpuTaskMs: n(extensionTally?.workers.mostCpuTaskMs),
    extensionServiceWorkerMostCpuTaskMsOneThread: n(extensionTally?.oneThread.mostCpuTaskMs),
    claims100kLookupMs: n(claims?.coldMs),
    claims100kCachedLookupMs: n(claims?.cachedMs),
    alertRefreshRequests: n(alerts?.requestsPerChain),
    discovery5kTokensRequests: n(discovery?.requests),
    discovery5kTokensMs: n(discovery?.medianMs),
    /** Worker stopped, the popup's first request (tab-state of an http page) answered by the start script. */
    serviceWorkerColdStartMs: n(coldStart?.ms),
    /** CPU time of the worker's thread up to that answer (load-independent; the empty worker's in baselines). */
    serviceWorkerColdStartCpuMs: n(coldStart?.cpu.tabState.totalMs),
    /** How many of the rounds were within 2× of the same round's empty worker (Chrome's starts are bimodal here). */
    serviceWorkerColdStartRoundsWithinBudget: n(coldStart && withinBudget(coldStart)),
    /** Worker stopped, a request that loads background-features.js on the way. */
    serviceWorkerColdStartFeaturesMs: n(coldStart?.featuresMs),
    serviceWorkerColdStartFeaturesCpuMs: n(coldStart?.cpu.features.totalMs),
    backgroundJsBytes: n(coldStart?.backgroundJsBytes),
    backgroundFeaturesJsBytes: n(coldStart?.featuresJsBytes),
    baselines: {
      serviceWorkerColdStartMsEmptyWorker: n(coldStart?.emptyWorkerMs),
      serviceWorkerColdStartCpuMsEmptyWorker: n(coldStart?.cpu.empty.totalMs),
      discovery5kTokensRequestsOnePerToken: n(discovery?.naive.requests),
      discovery5kTokensMsOnePerTokenBrowserLimit: n(discovery?.naive.ms),
      discovery5kTokensChainsPlusChunks: n(discovery && discovery.chains + discovery.chunks),
      nonTokenPageOwnRequestsPerLoad: n(nonToken?.baselineRequestsPerLoad),
      nonTokenPageMainThreadMsWithoutExtension: n(nonToken?.baselineMainThreadMs),
      nonTokenPageMainThreadMsWithExtension: n(nonToken?.mainThreadMs),
      refreshMsMulticall: n(rpc?.multicall.medianMs),
      refreshMsNaive: n(rpc?.naive.medianMs),
      popupFreshDataMsCached: n(popup?.cached.freshDataMs),
      popupFreshDataMsSlowRpc: n(popup?.slowRpc.freshDataMs),
      nonTokenPageContextSetupMsWithoutExtension: n(nonToken?.baselineContextSetupMs),
      nonTokenPageContextSetupMsWithExtension: n(nonToken?.contextSetupMs),
      tally10kVotesSecondsNaive: n(tally?.baseline.secondsFor10k),
      claims100kJsonParseMs: n(claims?.baselineJsonParseMs),
      claims100kFullParseLookupMs: n(claims?.baselineFullParseLookupMs),
      claims100kNotListedLookupMs: n(claims?.notListedColdMs),
    },
    budgets: BUDGETS,
    details: { size, rpc, nonToken, popup, tally, claims, alerts, coldStart, extensionTally },
    errors,
  };
}
