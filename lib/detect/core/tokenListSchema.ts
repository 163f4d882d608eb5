import '@/lib/protocol/zodNoEval';
import { NO_EVAL } from '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { getAddress, type Address } from 'viem';
import { addressProblem } from '@/lib/protocol/address';
import { manifestErrorMap, toValidationErrors } from '@/lib/protocol/issueMessages';
import type { ValidationError } from '@/lib/protocol/validationError';

// The curated list uses the Uniswap token list format (tokenlists.org) so existing tooling can
// read it, with one extension per token: `extensions.domains`, the hosts where the creator
// publishes the declaration. `domains` is optional: a token whose site is not known (or a list
// from another vendor, without our extension) is still read for discovery of holdings, it just
// never confirms a page. Two deliberate departures from Uniswap's JSON Schema: it allows no
// arrays inside `extensions`, and it requires at least one token (a release may ship none).

/** `alexmasmej.com`, `www.alexmasmej.com`, `localhost:4101`: lower-case host, optional port. */
const HOST = /^(?=[^:]{1,253}(:|$))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::[1-9][0-9]{0,4})?$/;

const host = z.string().regex(HOST, {
  error: 'expected a lower-case host like "alexmasmej.com" or "localhost:4101" (no https://, no path; punycode for non-ASCII names)',
});

const address = z
  .string()
  .superRefine((s, ctx) => {
    const problem = addressProblem(s);
    if (problem)
      ctx.addIssue({ code: 'custom', message: problem.message + (problem.suggestion ? `; did you mean ${problem.suggestion}?` : '') });
  })
  .transform((s): Address => (addressProblem(s) ? (s as Address) : getAddress(s)));

export const tokenInfoSchema = z.strictObject({
  chainId: z.number().int().min(1),
  address,
  name: z.string().min(1).max(40),
  symbol: z.string().min(1).max(20),
  decimals: z.number().int().min(0).max(255),
  logoURI: z.string().max(2048).optional(),
  tags: z.array(z.string().max(10)).max(10).optional(),
  // Other vendors' extensions may sit beside ours; only `domains` is ours to check.
  extensions: z.looseObject({ domains: z.array(host).min(1).max(10).optional() }).optional(),
});

export const tokenListSchema = z
  .looseObject({
    name: z.string().min(1).max(20),
    timestamp: z.iso.datetime({ offset: true }),
    version: z.strictObject({ major: z.number().int().min(0), minor: z.number().int().min(0), patch: z.number().int().min(0) }),
    tokens: z.array(tokenInfoSchema).max(10_000),
    logoURI: z.string().max(2048).optional(),
    keywords: z.array(z.string().max(20)).max(20).optional(),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.tokens.forEach((t, i) => {
      const key = `${t.chainId}:${t.address.toLowerCase()}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['tokens', i], message: `chain ${t.chainId} token ${t.address} is listed twice` });
      seen.add(key);
    });
  });

export type TokenList = z.output<typeof tokenListSchema>;
export type TokenListEntry = TokenList['tokens'][number];

/** Checks a token list file (e.g. in CI or before shipping a release list). */
export function parseTokenList(input: unknown): { ok: true; list: TokenList } | { ok: false; errors: ValidationError[] } {
  const result = tokenListSchema.safeParse(input, { ...NO_EVAL, error: manifestErrorMap, reportInput: true });
  return result.success ? { ok: true, list: result.data } : { ok: false, errors: toValidationErrors(result.error.issues, 'a token list') };
}
