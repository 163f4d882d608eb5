import { instantiateSecp256k1, type SignerRecoverer } from '@/lib/votes/core/secp256k1Wasm';
import { toCheckWorkerSchema } from '@/lib/votes/tallyWorkersContract';
import { checkBatch } from './checkBatch';

// One of the tally document's Web Workers (tallyWorkersPage.ts): libsecp256k1 from the module the
// document compiled, then the batches it is handed, one at a time.

let thread = 0;
let recover: Promise<SignerRecoverer> | undefined;

addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = toCheckWorkerSchema.safeParse(event.data);
  if (!message.success) return;
  if (message.data.type === 'init') {
    thread = message.data.thread;
    recover = instantiateSecp256k1(message.data.module);
    return;
  }
  const job = message.data;
  void (async () => {
    try {
      if (!recover) throw new Error('libsecp256k1 was not handed to this worker');
      postMessage(await checkBatch(job, thread, await recover));
    } catch (error) {
      postMessage({ type: 'failed', batch: job.batch, message: String(error instanceof Error ? error.message : error).slice(0, 500) });
    }
  })();
});
