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
    if (!job.success) return; // the service worker only sends batches; it times out on nothing
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
