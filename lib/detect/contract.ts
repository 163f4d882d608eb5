import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { defineRequest } from '@/lib/messaging/contract';
import { DECLARATION_LIMITS, DECLARATION_MESSAGE } from './declarationMessage';

// Requests of the detect feature: a page reports what it declares; the popup asks what its tab declared.

const text = (max: number) => z.string().max(max);
const errorText = text(300);

/** The content script runs next to the page: whatever it sends is re-checked here, field by field. */
export const declarationMessageSchema = z.strictObject({
  kind: z.literal(DECLARATION_MESSAGE),
  token: text(DECLARATION_LIMITS.tokenChars).nullable(),
  pageError: errorText.nullable(),
  manifest: z
    .union([
      z.strictObject({ url: text(DECLARATION_LIMITS.manifestUrlChars), text: text(DECLARATION_LIMITS.manifestBytes) }),
      z.strictObject({ url: text(DECLARATION_LIMITS.manifestUrlChars).nullable(), error: errorText }),
    ])
    .nullable(),
  withdrawn: z.literal(true).optional(),
});

export const tabStateSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('detected'),
    origin: z.string(),
    tokenId: z.string(),
    chainId: z.number().int().positive(),
    chainName: z.string(),
    address: z.templateLiteral(['0x', z.string()]),
    confirmation: z.enum(['confirmed', 'declared']),
    creatorName: z.string().nullable(),
    creatorDescription: z.string().nullable(),
    /** The validated manifest, or null when the page declares only the token. */
    manifest: z.custom<PersonalTokenManifest | null>(() => true),
    listedDomain: z.literal(true).optional(),
    ens: z
      .discriminatedUnion('status', [
        z.object({ status: z.literal('confirmed'), name: z.string(), owner: z.string(), blockNumber: z.string() }),
        z.object({ status: z.literal('declared'), reason: z.string(), name: z.string().nullable() }),
      ])
      .optional(),
    warnings: z.array(z.string()).optional(),
  }),
  z.object({ status: z.literal('invalid'), origin: z.string(), problems: z.array(z.string()) }),
]);

const tabId = z.number().int().nonnegative();

export const detectRequests = {
  /** A page's declaration, from the all-pages content script; answered with nothing. */
  declaration: defineRequest({ sender: 'any-page', input: declarationMessageSchema, output: z.null() }),
  /** What the popup's tab declared, or null for a page that declares nothing. */
  'tab-state': defineRequest({ sender: 'popup', input: z.strictObject({ tabId }), output: tabStateSchema.nullable() }),
};
