import { browser } from 'wxt/browser';
import { SECP256K1_WASM } from '@/lib/votes/secp256k1File';
// Vite builds the worker as a script of its own from the extension's files ('self' in the CSP).
import CheckWorker from './checkWorker?worker';
import {
  MAX_TALLY_WORKERS,
  TALLY_WORKER_PORTS,
  TALLY_WORKERS_PORT,
  type InitCheckWorker,
  type WorkerPorts,
  type WorkersReady,
} from '@/lib/votes/tallyWorkersContract';

// The offscreen document's side: one Web Worker per core (capped), each with libsecp256k1 compiled
// once here and a MessagePort whose other end goes to the service worker, which sends the batches
// to the workers directly. The runtime port says the workers are ready; the document lives as long
// as it: when the service worker closes it or goes away, the document closes itself.

export async function startTallyWorkers(): Promise<void> {
  const threads = Math.min(MAX_TALLY_WORKERS, Math.max(1, navigator.hardwareConcurrency || 1));
  const response = await fetch(SECP256K1_WASM);
  if (!response.ok) throw new Error(`${SECP256K1_WASM} answered ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  const serviceWorkerEnds: MessagePort[] = [];
  const workers = Array.from({ length: threads }, (_, thread) => {
    const worker = new CheckWorker();
    const channel = new MessageChannel();
    worker.postMessage({ type: 'init', thread, module, port: channel.port1 } satisfies InitCheckWorker, [channel.port1]);
    serviceWorkerEnds.push(channel.port2);
    return worker;
  });

  const port = browser.runtime.connect({ name: TALLY_WORKERS_PORT });
  const close = () => {
    for (const worker of workers) worker.terminate();
    window.close();
  };
  // Ending the port ourselves fires no onDisconnect here: the document closes in the same step.
  const giveUp = () => {
    port.disconnect();
    close();
  };
  // A worker that cannot run (its script or libsecp256k1 failed): the service worker checks alone.
  for (const worker of workers) worker.addEventListener('error', giveUp);
  port.onDisconnect.addListener(close);
  const { active } = await navigator.serviceWorker.ready;
  if (!active) return giveUp(); // no worker to hand the ports to: it checks alone
  active.postMessage({ type: TALLY_WORKER_PORTS, threads } satisfies WorkerPorts, serviceWorkerEnds);
  port.postMessage({ type: 'ready', threads } satisfies WorkersReady);
}
