import { getAddress, isAddress, isHex, type Address, type Hex } from 'viem';
import { MAX_CLAIMS_FILE_BYTES, claimEntrySchema, describeIssues } from './claimsFile';
import { ClaimsFileError } from './errors';
import type { Claim } from './findClaim';
import { lowerHex } from '@/lib/chain/lowerHex';

// The fast path for big files. JSON.parse of a 100,000-entry file (~130 MB) alone takes most of a
// second and builds 100,000 objects the holder never looks at. Here only the header fields and the
// holder's own entry are located and parsed. This is safe because nothing found here is trusted:
// the entry is schema-checked, then its proof must hash to the distributor's on-chain root
// (verifyClaimProof), and the leaf commits to index, account and amount. A file that hides an
// entry where this scan does not look can only make the holder see "not eligible" for a round
// the creator published, which the creator could do anyway.

const MAX_ENTRY_CHARS = 64 * 1024;
const HEADER = {
  merkleRoot: /"merkleRoot"\s*:\s*"(0x[0-9a-fA-F]{64})"/,
  tokenTotal: /"tokenTotal"\s*:\s*"(0x[0-9a-fA-F]{1,64})"/,
};

export interface ScannedClaimsFile {
  merkleRoot: Hex;
  tokenTotal: bigint;
  text: string;
}

export function scanClaimsFile(input: Uint8Array | string): ScannedClaimsFile {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_CLAIMS_FILE_BYTES) {
    throw new ClaimsFileError(`The claims file is larger than ${MAX_CLAIMS_FILE_BYTES / 1024 / 1024} MB; it was not read.`);
  }
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch (cause) {
    throw new ClaimsFileError('The claims file is not UTF-8 text; ask the creator to check it.', String(cause), { cause });
  }
  const root = HEADER.merkleRoot.exec(text)?.[1];
  const total = HEADER.tokenTotal.exec(text)?.[1];
  if (!text.trimStart().startsWith('{') || !root || !isHex(root) || !total || !/"claims"\s*:\s*\{/.test(text)) {
    throw new ClaimsFileError(
      'The claims file is not in the Uniswap merkle-distributor format; ask the creator to check it.',
      'missing merkleRoot, tokenTotal or claims',
    );
  }
  return { merkleRoot: lowerHex(root), tokenTotal: BigInt(total), text };
}

/** Index of the `{` opening the value of key `"<key>"`, or -1. Checks it is a key (followed by ':'). */
function valueStart(text: string, key: string): number {
  const quoted = `"${key}"`;
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    let i = at + quoted.length;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] !== ':') continue;
    i++;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] === '{') return i;
  }
  return -1;
}

/** The JSON object text starting at `start`, honouring strings and nesting (Uniswap's `flags`). */
function objectText(text: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + MAX_ENTRY_CHARS);
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/** Keys as Uniswap writes them (checksummed) or lowercase; other casings need a slower pass. */
function locate(text: string, account: Address): number {
  for (const key of [account, account.toLowerCase()]) {
    const at = valueStart(text, key);
    if (at >= 0) return at;
  }
  const anyCase = new RegExp(`"0x${account.slice(2)}"\\s*:\\s*\\{`, 'i').exec(text);
  return anyCase ? anyCase.index + anyCase[0].length - 1 : -1;
}

/** Like findClaim, on a scanned file: the holder's entry or null when the file does not list them. */
export function findClaimInText(file: ScannedClaimsFile, account: string): Claim | null {
  if (!isAddress(account, { strict: false })) throw new ClaimsFileError(`${account} is not an address.`);
  const checksummed = getAddress(account);
  const start = locate(file.text, checksummed);
  if (start < 0) return null;
  const raw = objectText(file.text, start);
  let json: unknown;
  try {
    json = raw === null ? undefined : JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const entry = claimEntrySchema.safeParse(json);
  if (!entry.success) {
    throw new ClaimsFileError(
      `The claims file's entry for ${checksummed} is malformed; ask the creator to check it. Nothing was sent.`,
      describeIssues(entry.error),
    );
  }
  const { index, amount, proof } = entry.data;
  return { index: BigInt(index), account: checksummed, amount: BigInt(amount), proof: proof.map(lowerHex) };
}
