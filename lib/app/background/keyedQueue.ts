/**
 * Runs work for one key (e.g. a tab) one at a time, in call order; different keys run freely.
 * A failed job does not stop the ones queued after it. Returns `run(key, work)`.
 */
export function keyedQueue<K>(): <T>(key: K, work: () => Promise<T>) => Promise<T> {
  const queues = new Map<K, Promise<unknown>>();
  return (key, work) => {
    const run = (queues.get(key) ?? Promise.resolve()).then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  };
}

const SHARED = Symbol.for('personal-token-companion.keyed-queues');
type WithQueues = typeof globalThis & { [SHARED]?: Map<string, unknown> };

/**
 * The queue named `name` for the whole worker: the service worker runs two scripts
 * (lib/app/background/backgroundFeatures.ts) that each bundle their own copy of a module, and
 * writes they both make (tab states) must still wait for each other.
 */
export function workerWideQueue<K>(name: string): <T>(key: K, work: () => Promise<T>) => Promise<T> {
  const queues = ((globalThis as WithQueues)[SHARED] ??= new Map());
  if (!queues.has(name)) queues.set(name, keyedQueue<K>());
  return queues.get(name) as ReturnType<typeof keyedQueue<K>>;
}
