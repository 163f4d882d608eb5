import type { Address } from 'viem';

export type GateKind = 'post' | 'link' | 'code';

/** One gated block as the demo server knows it: what the manifest says plus what unlocking returns. */
export interface DemoGate {
  id: string;
  title: string;
  kind: GateKind;
  /** Base units (18 decimals on the devnet tokens). */
  minBalance: bigint;
  /** The one line shown to everyone under the title. */
  teaser: string;
  /** What POST <endpoint>/unlock returns: an HTML fragment (post), a URL (link) or a code (code). */
  content: string;
  /** Text a person sees once the content is shown (for a post: a phrase of its rendered text). */
  visibleText: string;
}

/** One POST <endpoint>/unlock, as the server answered it (for tests; `DemoServer.gateAttempts`). */
export interface GateAttempt {
  /** The site that received it, e.g. `http://localhost:4101`. */
  origin: string;
  /** The gate the body named; '' when the body named none (malformed or oversized). */
  gate: string;
  /** The account the SIWE message names, once it parsed (proven only when the signature checked). */
  address?: Address;
  outcome: 'unlocked' | 'refused';
  status: number;
  /** The error sentence sent back, for a refusal. */
  reason?: string;
  /** The domain the SIWE message is bound to, once it parsed, e.g. `localhost:4103`. */
  siweDomain?: string;
}
