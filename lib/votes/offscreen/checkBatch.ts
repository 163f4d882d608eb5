import { checkVoteEnvelope, type CheckedVote, type Recover, type SignerCache } from '@/lib/votes/core/checkEnvelope';
import type { CheckBatch, CheckedBatch, SignerEntry } from '@/lib/votes/tallyWorkersContract';

/**
 * What one tally worker does with a batch (checkWorker.ts): the service worker's one-thread checks
 * (lib/votes/core/checkEnvelope.ts), with the signers it was sent, answering with those it recovered.
 * A worker has a thread of its own: it need not hand it back between votes.
 */
export async function checkBatch(job: CheckBatch, thread: number, recover: Recover): Promise<CheckedBatch> {
  const signers: SignerCache = new Map(job.known);
  const checked: CheckedVote[] = [];
  for (const envelope of job.envelopes) checked.push(await checkVoteEnvelope(envelope, job.expected, signers, recover));
  const before = new Set(job.known.map(([key]) => key));
  const learned: SignerEntry[] = [...signers].filter(([key]) => !before.has(key));
  return { type: 'checked', batch: job.batch, thread, checked, learned };
}
