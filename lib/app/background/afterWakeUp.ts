/** When no request woke the worker (an alarm, a tab event), the start-up chores wait this long. */
export const CHORES_DELAY_MS = 500;

let answered: () => void = () => undefined;
const firstAnswer = new Promise<void>((resolve) => (answered = resolve));

/** The router calls this once it has answered a request (the first call is the one that counts). */
export function requestAnswered(): void {
  answered();
}

/**
 * Start-up chores nobody is waiting for (resuming interrupted work, the alarm, the badge) run once
 * the request that woke the worker has been answered: the popup's first request then does not
 * share the worker's first milliseconds with them. Without a request, they run after
 * CHORES_DELAY_MS. Listeners are not chores: the browser delivers the waking event only to
 * listeners added while the script first runs.
 */
export function afterWakeUp(chores: () => void, delayMs = CHORES_DELAY_MS): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    chores();
  };
  const timer = setTimeout(run, delayMs);
  // A task later, so the answer is on its way before the chores start.
  void firstAnswer.then(() => setTimeout(run, 0));
}
