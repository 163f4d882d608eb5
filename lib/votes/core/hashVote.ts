import { hashTypedData, isAddress, stringToBytes, type Hex, type TypedDataDefinition } from 'viem';
import { keccak256Bytes, toHexDigits } from './keccak256';
import { SNAPSHOT_DOMAIN, type VoteTypes } from './voteTypes';

// EIP-712 hash of a Snapshot vote, as viem's hashTypedData computes it, without its generic
// machinery: a 10,000-vote tally hashes 10,000 messages of the same few shapes. The domain
// separator and the type hash are computed once; each field is encoded straight to bytes.
// Anything outside the plain shapes (a chainId in the domain, a value viem would reject or
// coerce) goes to viem itself, so the result is viem's in every case (hashVote.test.ts).
// Keccak is most of the cost (tallyProfile.ts): the unrolled one of keccak256.ts, and the hash of
// a string field other than `from` is kept, since every vote of a tally repeats its space,
// proposal, app and (mostly) reason and metadata: three keccaks a vote instead of eight.

const encoder = new TextEncoder();
const keccak = keccak256Bytes;

const STRING_MEMO_MAX = 1_024;
const stringHashes = new Map<string, Uint8Array>();
function memoKeccak(value: string): Uint8Array {
  let hash = stringHashes.get(value);
  if (!hash) {
    if (stringHashes.size >= STRING_MEMO_MAX) stringHashes.clear(); // unique reasons must not grow it forever
    stringHashes.set(value, (hash = keccak(encoder.encode(value))));
  }
  return hash; // never written to: concat copies it
}

function uint256(n: number): Uint8Array {
  const out = new Uint8Array(32);
  let v = n;
  for (let i = 31; i >= 24 && v > 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const UINT32_MAX = 0xffff_ffff;
const isUint = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;

/** One field's 32-byte encoding, or null when viem should judge the value. */
function encodeField(name: string, type: string, value: unknown): Uint8Array | null {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return null;
      return name === 'from' ? keccak(encoder.encode(value)) : memoKeccak(value);
    case 'uint64':
      return isUint(value, Number.MAX_SAFE_INTEGER) ? uint256(value) : null;
    case 'uint32':
      return isUint(value, UINT32_MAX) ? uint256(value) : null;
    case 'uint32[]':
      return Array.isArray(value) && value.every((v) => isUint(v, UINT32_MAX))
        ? keccak(concat(value.map((v: number) => uint256(v))))
        : null;
    case 'bytes32':
      return typeof value === 'string' && BYTES32.test(value) ? stringToBytes32(value) : null;
    case 'address': {
      if (typeof value !== 'string' || !isAddress(value)) return null; // viem's check: a wrong checksum is rejected
      const out = new Uint8Array(32);
      out.set(hexBytes(value), 12);
      return out;
    }
    default:
      return null;
  }
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16);
  return out;
}
const stringToBytes32 = hexBytes;

const typeHashes = new Map<string, Uint8Array>();
function voteTypeHash(types: VoteTypes): Uint8Array {
  const signature = `Vote(${types.Vote.map((f) => `${f.type} ${f.name}`).join(',')})`;
  let hash = typeHashes.get(signature);
  if (!hash) typeHashes.set(signature, (hash = keccak(stringToBytes(signature))));
  return hash;
}

let snapshotDomainSeparator: Uint8Array | undefined;
function domainSeparator(): Uint8Array {
  snapshotDomainSeparator ??= keccak(
    concat([
      keccak(stringToBytes('EIP712Domain(string name,string version)')),
      keccak(stringToBytes(SNAPSHOT_DOMAIN.name)),
      keccak(stringToBytes(SNAPSHOT_DOMAIN.version)),
    ]),
  );
  return snapshotDomainSeparator;
}

const PREFIX = new Uint8Array([0x19, 0x01]);

/**
 * The EIP-712 hash of a vote whose types are one of Snapshot's Vote types (recognizeVoteTypes).
 * Throws where viem's hashTypedData throws.
 */
export function hashVote(domain: Record<string, unknown>, types: VoteTypes, message: Record<string, unknown>): Hex {
  const plainDomain =
    Object.keys(domain).length === 2 && domain.name === SNAPSHOT_DOMAIN.name && domain.version === SNAPSHOT_DOMAIN.version;
  const fields = plainDomain ? types.Vote.map((f) => encodeField(f.name, f.type, message[f.name])) : [null];
  const encoded = fields.filter((f): f is Uint8Array => f !== null);
  if (encoded.length !== fields.length) {
    const definition: TypedDataDefinition<Record<string, unknown>, string> = { domain, types, primaryType: 'Vote', message };
    return hashTypedData(definition);
  }
  const structHash = keccak(concat([voteTypeHash(types), ...encoded]));
  return `0x${toHexDigits(keccak(concat([PREFIX, domainSeparator(), structHash])))}`;
}
