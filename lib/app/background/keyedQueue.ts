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
