// Everything the bench starts (builds, anvil, proxies, servers, Chromium) registers its stop
// here, so one place stops it all: on success, on error, and on Ctrl-C / SIGTERM.

type Stop = () => unknown;

export class Cleanup {
  private readonly stops: { name: string; stop: Stop }[] = [];
  private running: Promise<void> | undefined;

  get stopping(): boolean {
    return this.running !== undefined;
  }

  /** Registering after stopping began (main still running after Ctrl-C) stops it at once. */
  add(name: string, stop: Stop): void {
    if (!this.stopping) return void this.stops.push({ name, stop });
    void Promise.resolve()
      .then(stop)
      .catch(() => undefined);
    throw new Error(`Stopping: ${name} is stopped as soon as it started`);
  }

  /** Stops in reverse order of starting; one failing stop never keeps the others from running. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const { name, stop } of this.stops.reverse()) {
        try {
          await stop();
        } catch (error) {
          console.error(`While stopping ${name}:`, error instanceof Error ? error.message : error);
        }
      }
    })();
    return this.running;
  }

  /** Ctrl-C during a 30 s build or a Chromium run must still stop anvil and Chromium. */
  stopOnSignals(): void {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      // `on`, not `once`: test/devnet/anvil.ts re-raises the signal (killing us before Chromium
      // is closed) when it sees no other listener left. A repeat is ignored, not a reason to
      // exit early: tsx relays the same Ctrl-C again when we are slow to answer it.
      process.on(signal, () => {
        if (this.running) return;
        console.error(`\n${signal}: stopping everything the bench started…`);
        void this.run().finally(() => process.exit(code));
      });
    }
  }
}
