import { Worker } from 'node:worker_threads';
import type { CheckedVote } from '../../lib/votes/core/checkEnvelope';
import type { EnvelopeChecker } from '../../lib/votes/core/verifyTally';

// Signature checks spread over worker threads: what a page that can start Web Workers (the popup,
// an offscreen document) could do with the same code. The background service worker cannot.
// verifyProposalTally calls `check` once per batch (a page of envelopes, up to two in flight):
// each batch is split evenly over the threads, and the parts put back in order.

export interface WorkerPool {
  check: EnvelopeChecker;
  stop(): Promise<void>;
}

export async function startWorkerPool(threads: number): Promise<WorkerPool> {
  // tsx's loader does not reach worker threads by itself: each worker registers it, then loads the TypeScript.
  const entry = JSON.stringify(new URL('./tallyWorker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`;
  const workers = Array.from({ length: threads }, () => new Worker(boot, { eval: true }));
  let nextId = 0;
  const run = (worker: Worker, envelopes: readonly unknown[], expected: Parameters<EnvelopeChecker>[1]) =>
    new Promise<CheckedVote[]>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (msg: { id: number; checked: CheckedVote[] }) => {
        if (msg.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(msg.checked);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.postMessage({ id, envelopes, expected });
    });
  const check: EnvelopeChecker = async (envelopes, expected, onProgress) => {
    const size = Math.ceil(envelopes.length / threads);
    let done = 0;
    const parts = await Promise.all(
      workers.map(async (worker, i) => {
        const part = await run(worker, envelopes.slice(i * size, (i + 1) * size), expected);
        onProgress?.((done += part.length));
        return part;
      }),
    );
    return parts.flat();
  };
  // Each worker loads its modules now, as a long-lived pool would have done before a tally.
  await Promise.all(
    workers.map((w) => run(w, [], { space: '', proposalId: '', type: 'single-choice', choicesCount: 1, start: 0, end: 0 })),
  );
  return { check, stop: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}
