import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the income feature, from the popup. Amounts are decimal strings of base units.

const baseUnits = z.string().regex(/^[0-9]+$/);
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const chainInput = z.strictObject({ chainId: z.number().int().positive() });

export const incomeRequests = {
  /** Claims a distribution round; resolves once the wallet sent it (the receipt is followed in the background). */
  claim: defineRequest({
    sender: 'popup',
    input: z.strictObject({ tokenId: z.string().max(200), roundId: z.string().max(64) }),
    output: z.object({ transactionId: z.string() }),
  }),
  /** Every claimable round of every followed creator on the chain, simulated; nothing is sent. */
  'claim-all-preview': defineRequest({
    sender: 'popup',
    input: chainInput,
    output: z.object({
      chainId: z.number(),
      via: z.enum(['multicall', 'wallet-batch']),
      rounds: z.array(
        z.object({
          tokenId: z.string(),
          roundId: z.string(),
          title: z.string(),
          token: address,
          amount: baseUnits,
          simulated: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), reason: z.string() })]),
        }),
      ),
      totals: z.array(z.object({ token: address, amount: baseUnits })),
    }),
  }),
  /** Claims them in one transaction; resolves once the wallet sent it. */
  'claim-all': defineRequest({
    sender: 'popup',
    input: z.strictObject({
      chainId: z.number().int().positive(),
      /** The rounds of the summary the holder confirmed, so a round claimed since is named in the outcome. */
      seen: z
        .array(z.strictObject({ tokenId: z.string().max(200), roundId: z.string().max(64) }))
        .max(500)
        .default([]),
    }),
    output: z.object({ transactionId: z.string() }),
  }),
  /** Each round of a claim-all transaction, read back from the chain. */
  'claim-all-outcome': defineRequest({
    sender: 'popup',
    input: z.strictObject({ transactionId: z.string().max(64) }),
    output: z.object({
      status: z.enum(['awaiting-signature', 'pending', 'confirmed', 'failed', 'cancelled']),
      error: z.string().nullable(),
      hash: z.string().nullable(),
      rounds: z.array(
        z.object({
          tokenId: z.string(),
          roundId: z.string(),
          title: z.string(),
          /** Absent on records made before amounts were kept. */
          amount: baseUnits.optional(),
          token: address.optional(),
          result: z.union([
            z.object({ status: z.literal('claimed'), by: z.enum(['this-transaction', 'earlier']) }),
            z.object({ status: z.literal('not-claimed'), reason: z.string() }),
          ]),
        }),
      ),
    }),
  }),
};
