import { chromium, type BrowserContext, type Request } from 'playwright-core';
import type { RpcProxy } from '../devnet/rpcProxy';
import type { DemoServer } from '../demo-server/server';
import { CHROMIUM, type ExtensionBrowser } from '../e2e/harness/browser';
import type { ExtensionBuild } from './build';
import type { Cleanup } from './cleanup';
import { FEATURES_SCRIPT } from '../../lib/app/background/backgroundFeatures';
import { median, sleep } from './stats';
import { contextSetupMs, mainThreadMs, scriptMs, traceLoad } from './trace';

const LOADS = 10;

export interface NonTokenPageResult {
  loads: number;
  /** Requests the extension caused over all loads (warm-up included), by where they were seen. */
  requests: { total: number; demoServer: number; rpc: number; playwright: number; details: string[] };
  /** What the page itself requests per load, seen the same way in Chromium without the extension. */
  baselineRequestsPerLoad: number;
  /**
   * Positive control: what the same counters see on a creator's page (its manifest fetch at
   * least). Zero there would mean the counters are blind, not that /plain is clean.
   */
  declaringPageRequests: { demoServer: number; playwright: number };
  /** Median over the loads of main-thread ms in the content script's own code. */
  scriptMs: number;
  scriptMsSamples: number[];
  /** Median main-thread work of the whole load, with the extension and without it. */
  mainThreadMs: number;
  baselineMainThreadMs: number;
  /** Median ms creating the page's JavaScript contexts, with the extension and without it. */
  contextSetupMs: number;
  baselineContextSetupMs: number;
}

/** One warm-up load, then LOADS traced loads, each in the same tab like a user clicking around. */
async function tracedLoads(context: BrowserContext, url: string, scriptUrls: string[]) {
  const page = await context.newPage();
  const samples = { script: [] as number[], main: [] as number[], contexts: [] as number[] };
  for (let i = 0; i <= LOADS; i++) {
    const events = await traceLoad(context, page, url);
    if (i === 0) continue;
    samples.script.push(scriptMs(events, url, scriptUrls));
    samples.main.push(mainThreadMs(events, url));
    samples.contexts.push(contextSetupMs(events, url));
  }
  // Anything the extension does late (timers, a slow service worker) still lands in the counts.
  await sleep(1_000);
  await page.close();
  return samples;
}

/**
 * Every request but the page's own document; Playwright reports service-worker fetches too. The
 * worker importing its own installed script (background-features.js, on the browser session's first
 * http page: it builds the listed sites' copy) reads the extension's package, not the network.
 */
function recordRequests(context: BrowserContext, documentUrl: string) {
  const seen: string[] = [];
  const listener = (r: Request) => {
    if (r.isNavigationRequest() && r.url() === documentUrl) return;
    if (r.serviceWorker() && r.url().endsWith(FEATURES_SCRIPT)) return;
    seen.push(`${r.serviceWorker() ? 'service worker' : 'page'}: ${r.method()} ${r.url()}`);
  };
  context.on('request', listener);
  return { seen, stop: () => void context.off('request', listener) };
}

async function declaringPageRequests(browser: ExtensionBrowser, demo: DemoServer) {
  const page = await browser.context.newPage();
  const seen: string[] = [];
  page.on('request', (r) => void (r.isNavigationRequest() || seen.push(r.url())));
  await page.goto(`${demo.origins.alex}/`);
  await sleep(1_000);
  await page.close();
  return { demoServer: demo.requests(demo.origins.alex).filter((r) => r.path !== '/').length, playwright: seen.length };
}

/** The same loads in the same kind of Chromium profile, minus the extension. */
async function withoutExtension(url: string, scriptUrls: string[], cleanup: Cleanup) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 800 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  cleanup.add('Chromium without the extension', () => context.close());
  let requests = 0;
  context.on('request', () => requests++);
  const samples = await tracedLoads(context, url, scriptUrls);
  await context.close();
  return { ...samples, requestsPerLoad: requests / (LOADS + 1) };
}

export async function measureNonTokenPage(opts: {
  browser: ExtensionBrowser;
  build: ExtensionBuild;
  demo: DemoServer;
  proxies: RpcProxy[];
  cleanup: Cleanup;
}): Promise<NonTokenPageResult> {
  const { browser, build, demo, proxies, cleanup } = opts;
  const url = `${demo.origins.other}/plain`;
  const scriptUrls = build.allPagesScripts.map((file) => `chrome-extension://${browser.extensionId}/${file}`);

  const recorder = recordRequests(browser.context, url);
  demo.resetRequests();
  for (const proxy of proxies) proxy.resetCount();
  const withExtension = await tracedLoads(browser.context, url, scriptUrls);
  recorder.stop();
  const log = demo.requests();
  const documents = log.filter((r) => r.method === 'GET' && r.path === '/plain' && r.origin === demo.origins.other).length;
  const demoExtra = log.length - documents + Math.max(0, documents - (LOADS + 1));
  const rpcExtra = proxies.reduce((sum, p) => sum + p.requestCount() + p.preflightCount(), 0);
  const details = [
    ...log.filter((r) => r.path !== '/plain').map((r) => `demo server: ${r.method} ${r.origin}${r.path}`),
    ...proxies.flatMap((p) => p.methods().map((m) => `RPC ${p.url}: ${m}`)),
    ...recorder.seen,
  ];

  const control = await declaringPageRequests(browser, demo);
  const without = await withoutExtension(url, scriptUrls, cleanup);
  return {
    loads: LOADS,
    // The servers see what reaches them, Playwright sees every host: take the larger count.
    requests: {
      total: Math.max(demoExtra + rpcExtra, recorder.seen.length),
      demoServer: demoExtra,
      rpc: rpcExtra,
      playwright: recorder.seen.length,
      details: details.slice(0, 50),
    },
    baselineRequestsPerLoad: without.requestsPerLoad,
    declaringPageRequests: control,
    scriptMs: median(withExtension.script),
    scriptMsSamples: withExtension.script,
    mainThreadMs: median(withExtension.main),
    baselineMainThreadMs: median(without.main),
    contextSetupMs: median(withExtension.contexts),
    baselineContextSetupMs: median(without.contexts),
  };
}
