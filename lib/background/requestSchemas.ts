import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import type { RequestMap, RequestType } from '@/lib/messaging/requests';

// Payload checks for every request an extension page may make. Even our own popup's input is
// checked: it carries what the holder typed.
const tokenId = z.string().max(200);

export const requestSchemas: { [T in RequestType]: z.ZodType<RequestMap[T]['payload']> } = {
  'tab-state': z.strictObject({ tabId: z.number().int().nonnegative() }),
  refresh: z.strictObject({ tokenIds: z.array(tokenId).max(100) }),
  follow: z.strictObject({ tabId: z.number().int().nonnegative() }),
  unfollow: z.strictObject({ tokenId }),
  'set-watch-address': z.strictObject({ address: z.string().max(100).nullable() }),
  'set-rpc-urls': z.strictObject({ chainId: z.number().int().positive(), urls: z.array(z.string().max(2048)).max(5) }),
  'clear-all-data': z.strictObject({}),
};

export const envelopeSchema = z.strictObject({
  channel: z.literal('companion-request'),
  type: z.enum(Object.keys(requestSchemas) as [RequestType, ...RequestType[]]),
  payload: z.unknown(),
});
