import { readdirSync, readFileSync } from 'node:fs';
import { formatTokenId } from '@/lib/protocol/caip19';
import { DEVNET_A } from '@/lib/chain/devnet';
import { DEFAULT_DATABASE_NAME } from '@/lib/db/database';
import type { TallyView } from '@/lib/votes/contract';
import type { browser } from 'wxt/browser';
import { startJourneys } from '../e2e/fixtures';
import { openPopupFor, openSite, waitForBadge } from '../e2e/popup';
import { prepareTallyBench } from './tallyVotesSetup';

// The seeded N-vote tally (tallyVotesSetup.ts) in Chromium with the devnet build: asked of the
// service worker as the popup asks it, timed, with the signatures on the offscreen document's
// workers and then on the service worker alone (offscreen.createDocument made to refuse), each time
// with the signer cache emptied first. A 4 ms heartbeat in the service worker gives its longest block.
// `npx tsx test/bench/extensionTallyWorkers.ts [N]` after `npm run build:devnet`, in its own network namespace.

type Chrome = typeof browser;

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
        const ms = (Number(fields[11]) + Number(fields[12])) * tick; // utime + stime
        out.set(comm, (out.get(comm) ?? 0) + ms);
        out.set(`${comm} nice`, Number(fields[16])); // the scheduler's niceness of (the last such) thread
      }
    } catch {
      // the process or thread ended meanwhile
    }
  }
  return out;
}
const count = Number(process.argv[2] ?? 10_000);
const j = await startJourneys();
try {
  const data = await prepareTallyBench(j.server.hub, j.devnet.chains[0].rpcUrl, count, console.log);
  const site = await openSite(j, `${j.server.origins.alex}/`);
  await waitForBadge(j, site.tabId, '✓');
  const popup = await openPopupFor(j, site.tabId);
  const sw = j.browser.serviceWorker;
  const tokenId = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
  for (const mode of (process.argv[3] ?? 'workers,one thread').split(',')) {
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
    await sw.evaluate(async (useWorkers) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const scope = globalThis as unknown as { createDocument?: Chrome['offscreen']['createDocument']; beat?: object };
      scope.createDocument ??= chrome.offscreen.createDocument.bind(chrome.offscreen);
      if (!useWorkers && (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] })).length > 0) {
        await chrome.offscreen.closeDocument(); // the workers of the run before, kept for the next tally
        await new Promise((resolve) => setTimeout(resolve, 500)); // the port's disconnect reaches the pool
      }
      chrome.offscreen.createDocument = useWorkers ? scope.createDocument : async () => Promise.reject(new Error('bench: one thread'));
      let last = performance.now();
      const t0 = last;
      const beat = { max: 0, timer: 0, gaps: [] as [number, number][], stages: [] as [number, string][] };
      beat.timer = Number(
        setInterval(() => {
          const now = performance.now();
          beat.max = Math.max(beat.max, now - last);
          if (now - last > 50) beat.gaps.push([Math.round(last - t0), Math.round(now - last)]);
          last = now;
        }, 4),
      );
      // When each stage of the tally began, in the same clock (the progress the popup watches).
      chrome.storage.session.onChanged.addListener((changes) => {
        for (const change of Object.values(changes)) {
          const stage = (change.newValue as { stage?: string } | undefined)?.stage;
          if (stage && beat.stages.at(-1)?.[1] !== stage) beat.stages.push([Math.round(performance.now() - t0), stage]);
        }
      });
      scope.beat = beat;
    }, mode === 'workers');
    const cpuBefore = chromiumThreadCpu();
    const started = performance.now();
    const answer = await popup.evaluate(
      (payload) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage<
          unknown,
          { ok: true; value: TallyView } | { ok: false; error: string }
        >(payload),
      { channel: 'companion-request', type: 'tally', payload: { tokenId, proposalId: data.proposalId } },
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = [...chromiumThreadCpu()]
      .map(([name, ms]) => [name, ms - (cpuBefore.get(name) ?? 0)] as const)
      .filter(([name, ms]) => ms >= 100 && /Worker|Service|Main|CrRenderer/i.test(name));
    const after = chromiumThreadCpu();
    const nice = [...after].filter(([name]) => / nice$/.test(name) && /Worker|Service/.test(name));
    const {
      max: longest,
      gaps,
      stages,
    } = await sw.evaluate(() => {
      const scope = globalThis as unknown as { beat: { max: number; timer: number; gaps: [number, number][]; stages: [number, string][] } };
      clearInterval(scope.beat.timer);
      return scope.beat;
    });
    if (!answer.ok) throw new Error(answer.error);
    const contexts = await sw.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] }),
    );
    console.log(
      `${mode.padEnd(10)} ${count} votes: ${seconds.toFixed(2)} s, verified ${answer.value.verified}/${answer.value.total}, ` +
        `service worker's longest gap between 4 ms beats ${longest.toFixed(0)} ms, offscreen documents open: ${contexts.length}`,
    );
    console.log(`  stages (ms from the start): ${stages.map(([t, stage]) => `${stage} ${t}`).join(', ')}`);
    console.log(`  CPU ms by Chromium thread: ${cpu.map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
    console.log(`  niceness: ${nice.map(([name, n]) => `${name} ${n}`).join(', ')}`);
    console.log(`  gaps over 50 ms (at, length): ${gaps.map(([t, g]) => `${t}:${g}`).join(' ')}`);
  }
} finally {
  await j.stop();
}
