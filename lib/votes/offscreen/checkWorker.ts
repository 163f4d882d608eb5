import { instantiateSecp256k1 } from '@/lib/votes/core/secp256k1Wasm';
import { checkBatchSchema, initCheckWorkerSchema, type FromCheckWorker } from '@/lib/votes/tallyWorkersContract';
import { checkBatch } from './checkBatch';

// One of the tally document's Web Workers (tallyWorkersPage.ts): libsecp256k1 from the module the
// document compiled, then the batches the service worker sends over the port the document handed
// it, one at a time, each answered on that port.

addEventListener('message', (event: MessageEvent<unknown>) => {
  const init = initCheckWorkerSchema.safeParse(event.data);
  if (!init.success) return;
  const { thread, module, port } = init.data;
  const recover = instantiateSecp256k1(module);
  port.onmessage = (batch: MessageEvent<unknown>) => {
    const job = checkBatchSchema.safeParse(batch.data);
    if (!job.success) {
      // Answered, so the service worker's tally does not wait on it (it has no per-batch timeout).
      const number: unknown = (batch.data as { batch?: unknown } | null)?.batch;
      if (typeof number === 'number' && Number.isInteger(number) && number >= 0)
        port.postMessage({
          type: 'failed',
          batch: number,
          message: 'the batch is not what the tally workers take',
        } satisfies FromCheckWorker);
      return;
    }
    void (async () => {
      let answer: FromCheckWorker;
      try {
        answer = await checkBatch(job.data, thread, await recover);
      } catch (error) {
        answer = { type: 'failed', batch: job.data.batch, message: String(error instanceof Error ? error.message : error).slice(0, 500) };
      }
      port.postMessage(answer);
    })();
  };
});
