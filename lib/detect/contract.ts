import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';
import { DECLARATION_LIMITS, DECLARATION_MESSAGE } from './declarationMessage';
import { tabStateRequest } from './tabStateContract';

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

export const detectRequests = {
  /** A page's declaration, from the all-pages content script; answered with nothing. */
  declaration: defineRequest({ sender: 'any-page', input: declarationMessageSchema, output: z.null() }),
  ...tabStateRequest,
};
