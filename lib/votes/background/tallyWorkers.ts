import { browser, type Browser } from 'wxt/browser';
import type { CheckedVote, EnvelopeExpectation, SignerCache } from '@/lib/votes/core/checkEnvelope';
import { checkEnvelopes, type EnvelopeChecker } from '@/lib/votes/core/verifyTally';
import { batchSizeFor, SignerIndex, splitBatches } from '@/lib/votes/tallyBatches';
import {
  fromTallyWorkersSchema,
  TALLY_WORKERS_DOCUMENT,
  TALLY_WORKERS_PORT,
  type CheckBatch,
  type CheckedBatch,
} from '@/lib/votes/tallyWorkersContract';
import { loadSecp256k1 } from './loadSecp256k1';

// A tally's signatures checked on Web Workers, which a service worker cannot start: in Chrome an
// offscreen document (entrypoints/tally-workers) runs one per core and this worker sends it the
// envelopes in batches over a port; it only clones messages, so it stays free for the popup.
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

async function openPool(): Promise<WorkerPool> {
  const offscreen = browser.offscreen;
  if (!offscreen?.createDocument) throw new Error('this browser has no offscreen documents');
  const url = browser.runtime.getURL(TALLY_WORKERS_DOCUMENT);
  // A document left by an earlier life of this worker has lost its port: start afresh.
  const left = await browser.runtime.getContexts({ contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  if (left.length > 0) await offscreen.closeDocument();
  let stop = () => {};
  const connected = new Promise<{ port: Browser.runtime.Port; threads: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the tally workers did not start in ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onConnect = (port: Browser.runtime.Port) => {
      if (!isOurDocument(port, url)) return;
      browser.runtime.onConnect.removeListener(onConnect);
      const onFirst = (message: unknown) => {
        port.onMessage.removeListener(onFirst);
        clearTimeout(timer);
        const ready = fromTallyWorkersSchema.safeParse(message);
        if (ready.success && ready.data.type === 'ready') resolve({ port, threads: ready.data.threads });
        else reject(new Error('the tally workers did not say they were ready'));
      };
      port.onMessage.addListener(onFirst);
    };
    stop = () => {
      clearTimeout(timer);
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
    const { port, threads } = await connected;
    return poolOn(port, threads);
  } catch (error) {
    stop();
    void offscreen.closeDocument().catch(() => {});
    throw error;
  }
}

function poolOn(port: Browser.runtime.Port, threads: number): WorkerPool {
  let nextBatch = 0;
  const pending = new Map<number, { resolve: (answer: CheckedBatch) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  port.onMessage.addListener((message: unknown) => {
    const parsed = fromTallyWorkersSchema.safeParse(message);
    if (!parsed.success || parsed.data.type === 'ready') return;
    const job = pending.get(parsed.data.batch);
    if (!job) return;
    pending.delete(parsed.data.batch);
    if (parsed.data.type === 'checked') job.resolve(parsed.data);
    else job.reject(new Error(parsed.data.message));
  });
  const pool: WorkerPool = {
    threads,
    check(job) {
      const batch = nextBatch++;
      return new Promise((resolve, reject) => {
        pending.set(batch, { resolve, reject });
        port.postMessage({ type: 'check', batch, ...job } satisfies CheckBatch);
      });
    },
    close() {
      failAll(new Error('the tally workers were closed'));
      port.disconnect();
      void browser.offscreen.closeDocument().catch(() => {});
    },
  };
  port.onDisconnect.addListener(() => {
    failAll(new Error('the tally workers went away'));
    if (opening) void opening.then((current) => current === pool && (opening = undefined));
  });
  return pool;
}
