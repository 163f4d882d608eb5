// The one error base of the product, in the spirit of viem's BaseError: every error we throw
// carries a sentence for the holder (`shortMessage`, also its `message`), a stable `code` for
// code and tests, optional technical `details` for the log, and the `cause` it wraps. The router
// shows `shortMessage` of any BaseError as is; anything else is a bug and gets a generic sentence.

export interface BaseErrorOptions {
  /** Stable, dotted, for code and tests (e.g. `income.claims-file`); never shown. */
  code?: string;
  /** The technical part, for logs: never shown to the holder. */
  details?: string;
  cause?: unknown;
}

export class BaseError extends Error {
  override name = 'BaseError';
  /** One sentence written for the holder: what happened, and what to do next. */
  readonly shortMessage: string;
  readonly code: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(shortMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = shortMessage;
    this.code = options.code ?? 'error';
    this.details = options.details;
  }

  /**
   * Walks the cause chain from this error: the first error for which `fn` is true (or null), or
   * without `fn` the deepest cause.
   */
  walk(fn?: (error: unknown) => boolean): unknown {
    return walkCauses(this, fn);
  }
}

export function walkCauses(error: unknown, fn?: (error: unknown) => boolean): unknown {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    if (fn?.(current)) return current;
    const next = current instanceof Error ? current.cause : undefined;
    if (next === undefined) return fn ? null : current;
    current = next;
  }
  return fn ? null : current;
}

/** The chain `error → cause → cause…` as lines for a log, details included. */
export function describeCauseChain(error: unknown): string[] {
  const lines: string[] = [];
  walkCauses(error, (e) => {
    if (e instanceof BaseError) lines.push(`${e.name} [${e.code}]: ${e.shortMessage}${e.details ? ` (${e.details})` : ''}`);
    else if (e instanceof Error) lines.push(`${e.name}: ${e.message}`);
    else lines.push(String(e));
    return false;
  });
  return lines;
}

/** What a UI shows for a failed request: the error's sentence (a RequestError carries the background's). */
export function holderMessage(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  if (error instanceof Error) return error.message;
  return 'Something went wrong in the extension. Try again.';
}
