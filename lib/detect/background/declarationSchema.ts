import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { DECLARATION_LIMITS, DECLARATION_MESSAGE, type DeclarationMessage } from '@/lib/detect/contract';

// The content script runs next to the page: whatever it sends is re-checked here, field by field.
const text = (max: number) => z.string().max(max);
const errorText = text(300);

export const declarationMessageSchema: z.ZodType<DeclarationMessage> = z.strictObject({
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
