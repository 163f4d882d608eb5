import { browser } from 'wxt/browser';
import { SECP256K1_WASM } from '@/lib/votes/secp256k1File';
// Vite builds the worker as a script of its own from the extension's files ('self' in the CSP).
import CheckWorker from './checkWorker?worker';
import {
  checkBatchSchema,
  fromCheckWorkerSchema,
  MAX_TALLY_WORKERS,
  TALLY_WORKERS_PORT,
  type CheckBatch,
  type FromTallyWorkers,
  type ToCheckWorker,
} from '@/lib/votes/tallyWorkersContract';

// The offscreen document's side: one Web Worker per core (capped), each with libsecp256k1 compiled
// once here, fed batches from the service worker's port as workers come free. It lives as long as
// the port: when the service worker closes it or goes away, the document closes itself.

export async function startTallyWorkers(): Promise<void> {
  const threads = Math.min(MAX_TALLY_WORKERS, Math.max(1, navigator.hardwareConcurrency || 1));
  const response = await fetch(SECP256K1_WASM);
  if (!response.ok) throw new Error(`${SECP256K1_WASM} answered ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  const workers = Array.from({ length: threads }, (_, thread) => {
    const worker = new CheckWorker();
    worker.postMessage({ type: 'init', thread, module } satisfies ToCheckWorker);
    return worker;
  });

  const port = browser.runtime.connect({ name: TALLY_WORKERS_PORT });
  const send = (message: FromTallyWorkers) => port.postMessage(message);
  const queue: CheckBatch[] = [];
  const idle = workers.map((_, thread) => thread);
  const holding = new Map<number, number>(); // thread → the batch it is checking
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const thread = idle.shift()!;
      const job = queue.shift()!;
      holding.set(thread, job.batch);
      workers[thread]!.postMessage(job);
    }
  };

  workers.forEach((worker, thread) => {
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const answer = fromCheckWorkerSchema.safeParse(event.data);
      const batch = holding.get(thread);
      holding.delete(thread);
      if (answer.success) send(answer.data);
      else if (batch !== undefined) send({ type: 'failed', batch, message: 'a tally worker answered something else than a batch' });
      idle.push(thread);
      dispatch();
    });
    // A worker that cannot run (its script or libsecp256k1 failed): the service worker checks alone.
    worker.addEventListener('error', () => port.disconnect());
  });
  port.onMessage.addListener((message: unknown) => {
    const job = checkBatchSchema.safeParse(message);
    if (!job.success) {
      const batch = typeof message === 'object' && message !== null && 'batch' in message ? message.batch : undefined;
      if (typeof batch === 'number' && Number.isInteger(batch) && batch >= 0)
        send({ type: 'failed', batch, message: 'the batch is not what the tally workers take' });
      return;
    }
    queue.push(job.data);
    dispatch();
  });
  port.onDisconnect.addListener(() => {
    for (const worker of workers) worker.terminate();
    window.close();
  });
  send({ type: 'ready', threads });
}
