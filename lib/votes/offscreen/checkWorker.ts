import { checkVoteEnvelope, type CheckedVote, type SignerCache } from '@/lib/votes/core/checkEnvelope';
import { instantiateSecp256k1, type SignerRecoverer } from '@/lib/votes/core/secp256k1Wasm';
import { toCheckWorkerSchema, type SignerEntry } from '@/lib/votes/tallyWorkersContract';

// One of the tally document's Web Workers (tallyWorkersPage.ts): the same checks as the service
// worker's one-thread path (lib/votes/core/checkEnvelope.ts), with the same libsecp256k1, on the
// batches it is handed. A worker has its own thread: it need not hand it back between votes.

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
  const { batch, envelopes, expected, known } = message.data;
  void (async () => {
    try {
      if (!recover) throw new Error('libsecp256k1 was not handed to this worker');
      const recoverer = await recover;
      const signers: SignerCache = new Map(known);
      const checked: CheckedVote[] = [];
      for (const envelope of envelopes) checked.push(await checkVoteEnvelope(envelope, expected, signers, recoverer));
      const before = new Set(known.map(([key]) => key));
      const learned: SignerEntry[] = [...signers].filter(([key]) => !before.has(key));
      postMessage({ type: 'checked', batch, thread, checked, learned });
    } catch (error) {
      postMessage({ type: 'failed', batch, message: String(error instanceof Error ? error.message : error).slice(0, 500) });
    }
  })();
});
