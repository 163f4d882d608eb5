import { toSiweStatementText } from '@/lib/gates/core/siwe';
import type { SiweFields } from '@/lib/gates/core/siwe';

/** How long an unlock lasts: the proof's expiry, and so the session's. */
export const UNLOCK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface GateProofInput {
  /** From checkSiweOrigin on the tab's real origin: never from the page. */
  domain: string;
  uri: string;
  address: `0x${string}`;
  chainId: number;
  nonce: string;
  gate: { id: string; title: string };
  /** The threshold in words, e.g. "1 ALEX". */
  requirement: string;
  now: Date;
}

/**
 * The Sign-In-with-Ethereum fields for unlocking one gate. The gate id rides in Request ID so the
 * creator's server can tell which gate a proof is for; the statement names it for the holder.
 */
export function gateProofFields(input: GateProofInput): SiweFields & { expirationTime: string } {
  return {
    domain: input.domain,
    address: input.address,
    statement: toSiweStatementText(`Unlock '${input.gate.title}' on ${input.domain}: I hold at least ${input.requirement}.`),
    uri: input.uri,
    version: '1',
    chainId: input.chainId,
    nonce: input.nonce,
    issuedAt: input.now.toISOString(),
    expirationTime: new Date(input.now.getTime() + UNLOCK_LIFETIME_MS).toISOString(),
    requestId: input.gate.id,
  };
}
