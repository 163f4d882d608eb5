import { parentPort } from 'node:worker_threads';
import type { EnvelopeExpectation } from '../../lib/votes/core/checkEnvelope';
import { checkEnvelopes } from '../../lib/votes/core/verifyTally';

// One thread of the bench's signature-check pool (tallyWorkerPool.ts): the same lib/votes code
// the extension runs, on the slice of envelopes it is sent.

parentPort?.on('message', (job: { id: number; envelopes: unknown[]; expected: EnvelopeExpectation }) => {
  void checkEnvelopes(job.envelopes, job.expected).then((checked) => parentPort?.postMessage({ id: job.id, checked }));
});
