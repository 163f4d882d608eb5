import { generateNonce } from 'siwe';

/** How long an issued nonce stays usable; after that it is forgotten. */
export const NONCE_TTL_MS = 10 * 60 * 1000;
// A client asking for nonces in a loop must not grow the server without bound.
const MAX_NONCES = 10_000;

export type NonceState = 'fresh' | 'used' | 'unknown';

/**
 * Nonces this server issued, each usable once. Used nonces are kept until they expire too,
 * so a replay is told "already used" rather than "unknown".
 */
export class NonceBook {
  private readonly issued = new Map<string, { at: number; used: boolean }>();
  private readonly now: () => number;
  private readonly ttlMs: number;

  constructor(opts: { now?: () => number; ttlMs?: number } = {}) {
    this.now = opts.now ?? Date.now;
    this.ttlMs = opts.ttlMs ?? NONCE_TTL_MS;
  }

  /** A fresh random nonce (siwe's generator: 17+ alphanumeric characters, 96 bits). */
  issue(): string {
    this.prune();
    if (this.issued.size >= MAX_NONCES) this.issued.delete(this.issued.keys().next().value!);
    const nonce = generateNonce();
    this.issued.set(nonce, { at: this.now(), used: false });
    return nonce;
  }

  /** Takes the nonce a signed message carries: null when it was fresh, else the sentence for the refusal. */
  refusalFor(nonce: string): string | null {
    const state = this.take(nonce);
    if (state === 'used') return 'This sign-in message was already used; ask for a new nonce and sign again.';
    if (state === 'unknown')
      return 'This sign-in message carries a nonce this site did not issue, or one older than 10 minutes; ask for a new nonce and sign again.';
    return null;
  }

  /** Marks a fresh nonce used and says what it was before. */
  take(nonce: string): NonceState {
    this.prune();
    const entry = this.issued.get(nonce);
    if (!entry) return 'unknown';
    if (entry.used) return 'used';
    entry.used = true;
    return 'fresh';
  }

  private prune(): void {
    const cutoff = this.now() - this.ttlMs;
    // Insertion order is issue order, so the expired ones are at the front.
    for (const [nonce, { at }] of this.issued) {
      if (at > cutoff) break;
      this.issued.delete(nonce);
    }
  }
}
