import type { BrowserContext, Page } from 'playwright-core';

// A Chrome trace of one page load, read the way DevTools' Performance panel reads it.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string }; fileName?: string };
}

// devtools.timeline: EvaluateScript, FunctionCall, ParseHTML; v8: compile and run;
// disabled-by-default-devtools.timeline: RunTask, the unit of main-thread work.
const CATEGORIES = 'devtools.timeline,v8,disabled-by-default-devtools.timeline';
/** Long enough after `load` for a document_idle content script and anything it schedules. */
const AFTER_LOAD_MS = 500;

export async function traceLoad(context: BrowserContext, page: Page, url: string): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(AFTER_LOAD_MS);
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Total length of a set of intervals, overlaps counted once (nested events are common). */
function unionMs(events: TraceEvent[]): number {
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .map((e) => [e.ts, e.ts + e.dur!] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of spans) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total / 1000;
}

/** The renderer main thread that parsed `pageUrl`: where the page and its content scripts run. */
function pageMainThread(events: TraceEvent[], pageUrl: string): { pid: number; tid: number } | undefined {
  return events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
}

// FunctionCall covers callbacks (listeners, timers, promise jobs) the script left behind.
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'v8.evaluateModule', 'v8.callFunction']);

/** Main-thread ms spent in scripts loaded from `scriptUrls`: evaluation, then any callback it left behind. */
export function scriptMs(events: TraceEvent[], pageUrl: string, scriptUrls: string[]): number {
  const thread = pageMainThread(events, pageUrl);
  if (!thread) throw new Error(`The trace has no ParseHTML for ${pageUrl}: did the page load?`);
  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';
  return unionMs(
    events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && SCRIPT_EVENTS.has(e.name) && scriptUrls.includes(urlOf(e))),
  );
}

/** All main-thread work of the load (every top-level task), whoever caused it. */
export function mainThreadMs(events: TraceEvent[], pageUrl: string): number {
  const thread = pageMainThread(events, pageUrl);
  if (!thread) throw new Error(`The trace has no ParseHTML for ${pageUrl}: did the page load?`);
  return unionMs(events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'RunTask'));
}

/**
 * Creating the page's JavaScript contexts: the main world, plus an isolated world per extension
 * with a content script. Chrome's extension system also hooks every context it creates here, so
 * this is where an extension's mere presence shows, apart from its own script's time.
 */
export function contextSetupMs(events: TraceEvent[], pageUrl: string): number {
  const thread = pageMainThread(events, pageUrl);
  if (!thread) throw new Error(`The trace has no ParseHTML for ${pageUrl}: did the page load?`);
  return unionMs(events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'LocalWindowProxy::Initialize'));
}
