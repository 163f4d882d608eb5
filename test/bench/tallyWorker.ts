import { parentPort } from 'node:worker_threads';
import type { EnvelopeExpectation } from '../../lib/votes/core/checkEnvelope';
import { checkEnvelopes } from '../../lib/votes/core/verifyTally';
import { loadSecp256k1Node } from '../unit/secp256k1Node';

// One thread of the bench's signature-check pool (tallyWorkerPool.ts): the same lib/votes code
// the extension runs, with the same WebAssembly libsecp256k1, on the slice of envelopes it is sent.

parentPort?.on('message', (job: { id: number; envelopes: unknown[]; expected: EnvelopeExpectation }) => {
  void loadSecp256k1Node()
    .then((recover) => checkEnvelopes(job.envelopes, job.expected, undefined, undefined, recover))
    .then((checked) => parentPort?.postMessage({ id: job.id, checked }));
});
