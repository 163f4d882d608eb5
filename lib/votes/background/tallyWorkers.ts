import { browser, type Browser } from 'wxt/browser';
import type { CheckedVote, EnvelopeExpectation, SignerCache } from '@/lib/votes/core/checkEnvelope';
import { checkEnvelopes, type EnvelopeChecker } from '@/lib/votes/core/verifyTally';
import { batchSizeFor, SignerIndex, splitBatches } from '@/lib/votes/tallyBatches';
import {
  fromCheckWorkerSchema,
  TALLY_WORKERS_DOCUMENT,
  TALLY_WORKERS_PORT,
  workerPortsSchema,
  workersReadySchema,
  type CheckBatch,
  type CheckedBatch,
} from '@/lib/votes/tallyWorkersContract';
import { loadSecp256k1 } from './loadSecp256k1';

// A tally's signatures checked on Web Workers, which a service worker cannot start: in Chrome an
// offscreen document (entrypoints/tally-workers) runs one per core and hands this worker a
// MessagePort to each; batches go to whichever worker is free and come back on its port. This
// thread only clones messages, so it stays free for the popup.
// Where there is no offscreen document (Firefox) or it fails, the checks run here, on one thread
// in 20 ms slices (lib/votes/core/verifyTally.ts checkEnvelopes), as before.

/** How long the document and its workers are kept after a tally, for the next one; then closed. */
export const TALLY_WORKERS_IDLE_MS = 60_000;
/** How long the document may take to start its workers before the tally goes on without it. */
const START_TIMEOUT_MS = 30_000;

export interface TallyChecker {
  /** For verifyProposalTally's `checkEnvelopes`; may be called once or once per page of votes. */
  check: EnvelopeChecker;
  /** The tally is over: the document may close once no other tally uses it. */
  release(): void;
}

/**
 * A checker for one tally. `signers` is the tally's signer cache: entries go to the workers with
 * the envelopes they fit, and what the workers recover comes back into it (saved after the tally).
 */
export function tallyChecker(signers: SignerCache): TallyChecker {
  let pool: Promise<WorkerPool | null> | undefined;
  let index: SignerIndex | undefined;
  const oneThread: EnvelopeChecker = async (envelopes, expected, onProgress) =>
    checkEnvelopes(envelopes, expected, onProgress, signers, await loadSecp256k1());
  return {
    async check(envelopes, expected, onProgress) {
      if (envelopes.length === 0) return [];
      pool ??= acquirePool().catch((error: unknown) => {
        console.info('Tally: no offscreen workers, checking signatures on the service worker', error);
        return null;
      });
      const workers = await pool;
      if (!workers) return oneThread(envelopes, expected, onProgress);
      index ??= new SignerIndex(signers);
      try {
        return await checkOnWorkers(workers, index, envelopes, expected, onProgress);
      } catch (error) {
        console.warn('Tally: the offscreen workers failed; checking these signatures on the service worker', error);
        return oneThread(envelopes, expected, onProgress);
      }
    },
    release() {
      if (pool) void pool.then((workers) => workers && releasePool());
    },
  };
}

export async function checkOnWorkers(
  pool: WorkerPool,
  index: SignerIndex,
  envelopes: readonly unknown[],
  expected: EnvelopeExpectation,
  onProgress?: (done: number) => void,
): Promise<CheckedVote[]> {
  const batches = splitBatches(envelopes, batchSizeFor(envelopes.length, pool.threads));
  let done = 0;
  const parts = await Promise.all(
    batches.map(async (batch) => {
      // One message per task: cloning a batch is a few milliseconds, all of them at once is not.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const answer = await pool.check({ envelopes: batch, expected, known: index.knownFor(batch) });
      if (answer.checked.length !== batch.length) throw new Error(`a worker checked ${answer.checked.length} of ${batch.length} envelopes`);
      index.learn(answer.learned);
      onProgress?.((done += batch.length));
      return answer.checked;
    }),
  );
  return parts.flat();
}

// ---- The document's lifetime: opened on demand, shared by concurrent tallies, closed when idle.

export interface WorkerPool {
  threads: number;
  check(job: Omit<CheckBatch, 'type' | 'batch'>): Promise<CheckedBatch>;
  close(): void;
}

let opening: Promise<WorkerPool> | undefined;
let users = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function acquirePool(): Promise<WorkerPool> {
  clearTimeout(idleTimer);
  users++;
  opening ??= openPool().catch((error: unknown) => {
    opening = undefined;
    users--;
    throw error;
  });
  return opening;
}

function releasePool(): void {
  users = Math.max(0, users - 1);
  if (users > 0) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const closing = opening;
    opening = undefined;
    void closing?.then((pool) => pool.close());
  }, TALLY_WORKERS_IDLE_MS);
}

/** Only the offscreen document of this extension may be the other end. */
function isOurDocument(port: Browser.runtime.Port, url: string): boolean {
  return port.name === TALLY_WORKERS_PORT && port.sender?.id === browser.runtime.id && port.sender.url === url && !port.sender.tab;
}

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

/**
 * The document's MessagePorts, one per worker, posted to this service worker (navigator.serviceWorker):
 * only an extension page can post there, and only the document's message is taken.
 */
function workerPortsFrom(url: string): { ports: Promise<MessagePort[]>; stop(): void } {
  const scope = globalThis as unknown as WorkerScope;
  let stop = () => {};
  const ports = new Promise<MessagePort[]>((resolve) => {
    const onMessage = (event: MessageEvent<unknown>) => {
      const message = workerPortsSchema.safeParse(event.data);
      const source = event.source as { url?: string } | null;
      if (!message.success || source?.url !== url || event.ports.length !== message.data.threads) return;
      stop();
      resolve([...event.ports]);
    };
    stop = () => scope.removeEventListener('message', onMessage);
    scope.addEventListener('message', onMessage);
  });
  return { ports, stop: () => stop() };
}

async function openPool(): Promise<WorkerPool> {
  const offscreen = browser.offscreen;
  if (!offscreen?.createDocument) throw new Error('this browser has no offscreen documents');
  const url = browser.runtime.getURL(TALLY_WORKERS_DOCUMENT);
  // A document left by an earlier life of this worker has lost its port: start afresh.
  const left = await browser.runtime.getContexts({ contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  if (left.length > 0) await offscreen.closeDocument();
  let stop = () => {};
  const workerPorts = workerPortsFrom(url);
  const connected = new Promise<{ port: Browser.runtime.Port; threads: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the tally workers did not start in ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onConnect = (port: Browser.runtime.Port) => {
      if (!isOurDocument(port, url)) return;
      browser.runtime.onConnect.removeListener(onConnect);
      const onFirst = (message: unknown) => {
        port.onMessage.removeListener(onFirst);
        const ready = workersReadySchema.safeParse(message);
        if (!ready.success) return reject(new Error('the tally workers did not say they were ready'));
        void workerPorts.ports.then((ports) => {
          clearTimeout(timer);
          if (ports.length === ready.data.threads) resolve({ port, threads: ready.data.threads });
          else reject(new Error('the tally workers sent ports for another number of workers'));
        });
      };
      port.onMessage.addListener(onFirst);
      port.onDisconnect.addListener(() => reject(new Error('the tally workers closed before they were ready')));
    };
    stop = () => {
      clearTimeout(timer);
      workerPorts.stop();
      browser.runtime.onConnect.removeListener(onConnect);
    };
    browser.runtime.onConnect.addListener(onConnect);
  });
  try {
    await offscreen.createDocument({
      url,
      reasons: [browser.offscreen.Reason.WORKERS],
      justification: 'Checks the signatures of a proposal’s votes on Web Workers, one per core.',
    });
    const { port } = await connected;
    return poolOn(port, await workerPorts.ports);
  } catch (error) {
    stop();
    void offscreen.closeDocument().catch(() => {});
    throw error;
  }
}

/**
 * Batches to the workers' ports, each to the next free worker (a slow one is not handed more);
 * verdicts back in any order, matched by batch number. The runtime port is the document's life.
 */
function poolOn(port: Browser.runtime.Port, workers: readonly MessagePort[]): WorkerPool {
  let nextBatch = 0;
  const queue: CheckBatch[] = [];
  const idle = workers.map((_, thread) => thread);
  const pending = new Map<number, { resolve: (answer: CheckedBatch) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    queue.length = 0;
  };
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) workers[idle.shift()!]!.postMessage(queue.shift()!);
  };
  workers.forEach((worker, thread) => {
    worker.onmessage = (event: MessageEvent<unknown>) => {
      idle.push(thread);
      dispatch();
      const answer = fromCheckWorkerSchema.safeParse(event.data);
      if (!answer.success) return failAll(new Error('a tally worker answered something else than a batch'));
      const job = pending.get(answer.data.batch);
      if (!job) return;
      pending.delete(answer.data.batch);
      if (answer.data.type === 'checked') job.resolve(answer.data);
      else job.reject(new Error(answer.data.message));
    };
  });
  const pool: WorkerPool = {
    threads: workers.length,
    check(job) {
      const batch = nextBatch++;
      return new Promise((resolve, reject) => {
        pending.set(batch, { resolve, reject });
        queue.push({ type: 'check', batch, ...job });
        dispatch();
      });
    },
    close() {
      failAll(new Error('the tally workers were closed'));
      for (const worker of workers) worker.close();
      port.disconnect();
      void browser.offscreen.closeDocument().catch(() => {});
    },
  };
  port.onDisconnect.addListener(() => {
    failAll(new Error('the tally workers went away'));
    for (const worker of workers) worker.close();
    if (opening) void opening.then((current) => current === pool && (opening = undefined));
  });
  return pool;
}
