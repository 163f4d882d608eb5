import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the settings feature, from the popup. Even our own popup's input is checked: it
// carries what the holder typed.

export const settingsRequests = {
  'set-watch-address': defineRequest({
    sender: 'popup',
    input: z.strictObject({ address: z.string().max(100).nullable() }),
    output: z.object({ address: z.string().nullable() }),
  }),
  'set-rpc-urls': defineRequest({
    sender: 'popup',
    input: z.strictObject({ chainId: z.number().int().positive(), urls: z.array(z.string().max(2048)).max(5) }),
    output: z.object({ urls: z.array(z.string()) }),
  }),
  'set-chain-enabled': defineRequest({
    sender: 'popup',
    input: z.strictObject({ chainId: z.number().int().positive(), enabled: z.boolean() }),
    output: z.object({ disabledChains: z.array(z.number()) }),
  }),
  'set-min-pool-depth': defineRequest({
    sender: 'popup',
    input: z.strictObject({ usd: z.number().finite().min(0).max(1_000_000_000) }),
    output: z.object({ usd: z.number() }),
  }),
  /** The currency values are shown in everywhere (popup, side panel, in-page card). */
  'set-currency': defineRequest({
    sender: 'popup',
    input: z.strictObject({ currency: z.enum(['USD', 'ETH']) }),
    output: z.object({ currency: z.enum(['USD', 'ETH']) }),
  }),
  'clear-all-data': defineRequest({ sender: 'popup', input: z.strictObject({}), output: z.null() }),
};
