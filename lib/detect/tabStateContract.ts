import '@/lib/protocol/zodNoEval';
import { z } from 'zod/mini';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { defineRequest } from '@/lib/messaging/contract';

// The popup's first request, answered by the service worker's start script: in zod/mini, so that
// script carries no full zod (a fifth of its size, and schemas built on every start).

export const tabStateSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('detected'),
    origin: z.string(),
    tokenId: z.string(),
    chainId: z.int().check(z.positive()),
    chainName: z.string(),
    address: z.templateLiteral(['0x', z.string()]),
    confirmation: z.enum(['confirmed', 'declared']),
    creatorName: z.nullable(z.string()),
    creatorDescription: z.nullable(z.string()),
    /** The validated manifest, or null when the page declares only the token. */
    manifest: z.custom<PersonalTokenManifest | null>(() => true),
    listedDomain: z.optional(z.literal(true)),
    ens: z.optional(
      z.discriminatedUnion('status', [
        z.object({ status: z.literal('confirmed'), name: z.string(), owner: z.string(), blockNumber: z.string() }),
        z.object({ status: z.literal('declared'), reason: z.string(), name: z.nullable(z.string()) }),
      ]),
    ),
    warnings: z.optional(z.array(z.string())),
  }),
  z.object({ status: z.literal('invalid'), origin: z.string(), problems: z.array(z.string()) }),
]);

export const tabStateRequest = {
  /** What the popup's tab declared, or null for a page that declares nothing. */
  'tab-state': defineRequest({
    sender: 'popup',
    input: z.strictObject({ tabId: z.int().check(z.nonnegative()) }),
    output: z.nullable(tabStateSchema),
  }),
};
