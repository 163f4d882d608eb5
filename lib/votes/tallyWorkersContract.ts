import type { Address, Hex } from 'viem';
import { z } from 'zod';
import type { CheckedVote, EnvelopeExpectation } from './core/checkEnvelope';
import { VOTE_TYPES } from './core/voteTypes';

// What the service worker and the offscreen document that checks a tally's signatures on Web
// Workers say to each other (lib/votes/background/tallyWorkers.ts and
// lib/votes/offscreen/tallyWorkersPage.ts): the document's runtime port says it is ready and, by
// closing, that it is gone; each worker gets a MessagePort whose other end the document hands to
// the service worker, so batches and verdicts go between the service worker and the workers
// directly, structured-cloned. (Through the runtime port, as JSON via the browser process and the
// document, a 10,000-vote tally cost Chromium 8.9 s of CPU in all; with the MessagePorts 7.3 s.)
// Every message is parsed on arrival: the ports are our own pages', but what they carry is still
// checked.

/** The offscreen document, from the extension's root (entrypoints/tally-workers, Chrome only). */
export const TALLY_WORKERS_DOCUMENT = '/tally-workers.html';
/** The port's name: the document connects to the service worker once its workers are started. */
export const TALLY_WORKERS_PORT = 'ptc-tally-workers';
/** The message (navigator.serviceWorker) that carries one MessagePort per worker to the service worker. */
export const TALLY_WORKER_PORTS = 'ptc-tally-worker-ports';
/** Workers per document: one per core, at most this many. */
export const MAX_TALLY_WORKERS = 8;
/** Envelopes per message, at most: one message is cloned in one go on the service worker's thread. */
export const MAX_BATCH = 250;
/** Cached signers sent with a batch, at most (one per envelope, but a signature may sign two messages). */
export const MAX_KNOWN = MAX_BATCH * 4;

const hex32 = z.custom<Hex>((v) => typeof v === 'string' && /^0x[0-9a-fA-F]{64}$/.test(v), 'not a 32-byte hash');
const address = z.custom<Address>((v) => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v), 'not an address');

export const expectationSchema: z.ZodType<EnvelopeExpectation> = z.strictObject({
  space: z.string().max(200),
  proposalId: z.string().max(200),
  type: z.enum(VOTE_TYPES),
  choicesCount: z.number().int().nonnegative(),
  start: z.number(),
  end: z.number(),
});

export const checkedVoteSchema: z.ZodType<CheckedVote> = z.union([
  z.strictObject({ ok: z.literal(true), id: hex32, voter: address, choice: z.unknown(), timestamp: z.number() }),
  z.strictObject({ ok: z.literal(false), id: hex32.nullable(), voter: z.string().max(100), reason: z.string().max(300) }),
]);

/** A signer-cache entry (key: vote id and signature, lib/votes/core/checkEnvelope.ts) and its signer. */
const signerEntry = z.tuple([z.string().max(300), address]);
export type SignerEntry = z.infer<typeof signerEntry>;

/** Service worker → document (→ worker): check these envelopes; `known` are signers recovered before. */
export const checkBatchSchema = z.strictObject({
  type: z.literal('check'),
  batch: z.number().int().nonnegative(),
  envelopes: z.array(z.unknown()).max(MAX_BATCH),
  expected: expectationSchema,
  known: z.array(signerEntry).max(MAX_KNOWN),
});
export type CheckBatch = z.infer<typeof checkBatchSchema>;

/** Worker → document → service worker: the batch's verdicts in order, and the signers it recovered. */
export const checkedBatchSchema = z.strictObject({
  type: z.literal('checked'),
  batch: z.number().int().nonnegative(),
  /** Which of the document's workers checked it. */
  thread: z.number().int().nonnegative(),
  checked: z.array(checkedVoteSchema).max(MAX_BATCH),
  learned: z.array(signerEntry).max(MAX_BATCH),
});
export type CheckedBatch = z.infer<typeof checkedBatchSchema>;

export const failedBatchSchema = z.strictObject({
  type: z.literal('failed'),
  batch: z.number().int().nonnegative(),
  message: z.string().max(500),
});

/** Document → service worker over the runtime port: its workers are started and libsecp256k1 is compiled. */
export const workersReadySchema = z.strictObject({
  type: z.literal('ready'),
  threads: z.number().int().min(1).max(MAX_TALLY_WORKERS),
});
export type WorkersReady = z.infer<typeof workersReadySchema>;

/** Document → service worker (navigator.serviceWorker), with `threads` MessagePorts: one per worker, in order. */
export const workerPortsSchema = z.strictObject({
  type: z.literal(TALLY_WORKER_PORTS),
  threads: z.number().int().min(1).max(MAX_TALLY_WORKERS),
});
export type WorkerPorts = z.infer<typeof workerPortsSchema>;

/** Document → worker: its number, libsecp256k1 compiled once by the document, and its end of the service worker's port. */
export const initCheckWorkerSchema = z.strictObject({
  type: z.literal('init'),
  thread: z.number().int().nonnegative(),
  module: z.instanceof(WebAssembly.Module),
  port: z.custom<MessagePort>((v) => typeof MessagePort !== 'undefined' && v instanceof MessagePort, 'not a MessagePort'),
});
export type InitCheckWorker = z.infer<typeof initCheckWorkerSchema>;

/** Worker → service worker, over its port: a batch's verdicts, or why it failed. */
export const fromCheckWorkerSchema = z.discriminatedUnion('type', [checkedBatchSchema, failedBatchSchema]);
export type FromCheckWorker = z.infer<typeof fromCheckWorkerSchema>;
