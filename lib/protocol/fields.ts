import './zodNoEval';
import { z } from 'zod';
import { getAddress, type Address } from 'viem';
import { ADDRESS_PATTERN, addressProblem } from './address';
import { formatTokenId, InvalidTokenIdError, parseTokenId } from './caip19';
import { URL_PATTERN, urlProblem } from './url';
import { describeValue } from './issueMessages';
import { MAX_AMOUNT_DIGITS, MAX_ID, MAX_URL } from './limits';

// Building blocks of the manifest schema. Each field has exactly one check that writes a
// message a creator can act on; the `pattern` in `meta` only feeds the JSON Schema for editors.

// Control characters and bidi overrides (U+202E and friends) let a name display as something it
// is not; they have no place in a name or a title.
const NO_HIDDEN_CHARS = /^[^\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]*$/;

/** Short human text: up to `max` characters, not blank. Shown as text, never as HTML. */
export function text(max: number, description: string) {
  return z
    .string()
    .max(max)
    .regex(/\S/, { error: 'must not be empty' })
    .regex(NO_HIDDEN_CHARS, { error: 'must not contain control characters or text-direction overrides' })
    .meta({ description });
}

export function address(description: string) {
  return z
    .string()
    .meta({ pattern: ADDRESS_PATTERN, description })
    .superRefine((s, ctx) => {
      const problem = addressProblem(s);
      if (!problem) return;
      const fix = problem.suggestion ? `; did you mean ${problem.suggestion}?` : '';
      ctx.addIssue({ code: 'custom', message: `${problem.message}${fix}` });
    })
    .transform((s): Address => (addressProblem(s) ? (s as Address) : getAddress(s)));
}

export const TOKEN_ID_PATTERN = `^eip155:[1-9][0-9]{0,31}/erc20:${ADDRESS_PATTERN.slice(1)}`;

/** A CAIP-19 ERC-20 id; the output is canonical (checksummed) so ids compare as strings. */
export function tokenId(description: string) {
  return z
    .string()
    .meta({ pattern: TOKEN_ID_PATTERN, description })
    .superRefine((s, ctx) => {
      try {
        parseTokenId(s);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof InvalidTokenIdError ? e.message : String(e) });
      }
    })
    .transform((s) => {
      try {
        const { chainId, address } = parseTokenId(s);
        return formatTokenId(chainId, address);
      } catch {
        return s; // unreachable after a failed check; keeps the transform total
      }
    });
}

export function url(description: string) {
  return z
    .string()
    .max(MAX_URL)
    .meta({ pattern: URL_PATTERN, format: 'uri', description })
    .superRefine((s, ctx) => {
      const problem = urlProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Stable ids: the extension keys what it remembers (claims, votes, unlocks) by them. */
export function id(description: string) {
  return z
    .string()
    .max(MAX_ID)
    .regex(ID, { error: 'may use only letters, digits, ".", "_" and "-", and must start with a letter or digit' })
    .meta({ description });
}

const UINT_MAX = 2n ** 256n - 1n;
/** A token amount in base units, as a decimal string: JSON numbers lose precision past 2^53. */
export function amount(description: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? undefined : amountTypeMessage(iss.input)) })
    .meta({ pattern: `^(0|[1-9][0-9]{0,${MAX_AMOUNT_DIGITS - 1}})$`, description })
    .superRefine((s, ctx) => {
      const problem = amountProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

function amountTypeMessage(input: unknown): string {
  const quoteIt = typeof input === 'number' ? '; put the amount in quotes' : '';
  return `expected text in quotes with a whole number of base units, like "1000000000000000000" (1 token with 18 decimals), got ${describeValue(input)}${quoteIt}`;
}

function amountProblem(s: string): string | undefined {
  if (/^\d+\.\d*$/.test(s))
    return `"${s}" has a decimal point; amounts are whole base units (1.5 tokens with 18 decimals is "1500000000000000000")`;
  if (!/^(0|[1-9][0-9]*)$/.test(s))
    return `expected a whole number of base units written with digits only, like "1000000000000000000", got ${JSON.stringify(s.slice(0, 80))}`;
  if (BigInt(s) > UINT_MAX) return 'is larger than any token amount (2^256 - 1)';
  return undefined;
}

export function blockNumber(description: string) {
  return z.number().int().min(0).meta({ description });
}

/** A calendar day, YYYY-MM-DD (the round's payout date as the creator announces it). */
export function day(description: string) {
  return z.iso.date({ error: 'expected a date written YYYY-MM-DD, like "2021-04-01"' }).meta({ description });
}
