import '../../protocol/zodNoEval';
import { z } from 'zod';
import type { Hex } from 'viem';
import { ClaimsFileError } from './errors';
import { lowerHex } from '@/lib/chain/lowerHex';

// The Uniswap merkle-distributor claims file: { merkleRoot, tokenTotal, claims: { [address]:
// { index, amount, proof, flags? } } }. A 100,000-entry file is ~130 MB, so `parseClaimsFile`
// checks the header and leaves entries raw: only the holder's entry is validated (findClaim),
// and its proof is then checked against the chain, which is what makes it trustworthy.

/** Remote input is refused past this size (a 100,000-holder file is ~130 MB; 250,000 fit). */
export const MAX_CLAIMS_FILE_BYTES = 384 * 1024 * 1024;
/** When the background's fetch gives up: big files on slow links need more than a manifest. */
export const CLAIMS_FILE_FETCH_TIMEOUT_MS = 60_000;
/** 2^64 leaves is more than any file could hold; a longer proof is not a real one. */
const MAX_PROOF_LENGTH = 64;

const bytes32 = z.custom<Hex>((value) => typeof value === 'string' && /^0x[0-9a-fA-F]{64}$/.test(value), {
  error: 'expected 32 bytes as 0x-prefixed hex',
});
const hexAmount = z.string().regex(/^0x[0-9a-fA-F]{1,64}$/, { error: 'expected a 0x-prefixed hex amount' });

export const claimEntrySchema = z.looseObject({
  index: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  amount: hexAmount,
  proof: z.array(bytes32).max(MAX_PROOF_LENGTH),
});

const plainObject = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  error: 'expected an object keyed by address',
});

const headerSchema = z.looseObject({ merkleRoot: bytes32, tokenTotal: hexAmount, claims: plainObject });

/** The whole format, every entry checked: for creators' tooling and tests, not the hot path. */
export const claimsFileSchema = z.looseObject({
  merkleRoot: bytes32,
  tokenTotal: hexAmount,
  claims: z.record(z.string().regex(/^0x[0-9a-fA-F]{40}$/), claimEntrySchema),
});

/** A claims file as JSON holds it (what the devnet and creators write). */
export type ClaimsFile = z.input<typeof claimsFileSchema>;

export interface ParsedClaimsFile {
  merkleRoot: `0x${string}`;
  tokenTotal: bigint;
  /** Raw entries by address as written in the file; validated one at a time by findClaim. */
  claims: Record<string, unknown>;
}

const describe = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');

/** Size cap, JSON, header. Accepts the bytes as fetched or text already decoded. */
export function parseClaimsFile(input: Uint8Array | string): ParsedClaimsFile {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_CLAIMS_FILE_BYTES) {
    throw new ClaimsFileError(`The claims file is larger than ${MAX_CLAIMS_FILE_BYTES / 1024 / 1024} MB; it was not read.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input));
  } catch (cause) {
    throw new ClaimsFileError('The claims file is not valid JSON; ask the creator to check it.', String(cause), { cause });
  }
  const header = headerSchema.safeParse(json);
  if (!header.success) {
    throw new ClaimsFileError(
      'The claims file is not in the Uniswap merkle-distributor format; ask the creator to check it.',
      describe(header.error),
    );
  }
  const { merkleRoot, tokenTotal, claims } = header.data;
  return { merkleRoot: lowerHex(merkleRoot), tokenTotal: BigInt(tokenTotal), claims };
}

export { describe as describeIssues };
