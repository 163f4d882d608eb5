import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { buildSiweMessage, formatSiweMessage } from './buildSiweMessage';
import { parseSiweMessage } from './parseSiweMessage';
import { SiweError, type SiweReason } from './siweError';
import type { SiweFields } from './types';
import { verifySiweMessage } from './verifySiweMessage';

// The spruceid siwe test vectors, copied into the repo with their source and licence.
const VECTORS = path.resolve(__dirname, '../../../../test/vectors/siwe');
const load = <T>(name: string): [string, T][] =>
  Object.entries(JSON.parse(readFileSync(path.join(VECTORS, name), 'utf8')) as Record<string, T>);

type VerificationVector = SiweFields & { signature: Hex; time?: string; domainBinding?: string; matchNonce?: string };

/** The vectors write an absent scheme as null; our fields leave it out. */
const withoutNulls = (fields: object) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));

/** Our reason for each refused vector, so a refusal for the wrong reason fails too. */
const PARSE_REASONS: Record<string, SiweReason> = {
  'missing domain': 'bad-domain',
  'missing address': 'bad-address',
  'missing uri': 'bad-structure',
  'missing version': 'bad-structure',
  'missing chainId': 'bad-structure',
  'missing nonce': 'bad-structure',
  'missing issuedAt': 'bad-structure',
  'out of order uri': 'bad-structure',
  'out of order version': 'bad-structure',
  'out of order chainId': 'bad-structure',
  'out of order nonce': 'bad-structure',
  'out of order issuedAt': 'bad-structure',
  'out of order expirationTime': 'bad-structure',
  'out of order notBefore': 'bad-structure',
  'out of order requestId': 'bad-structure',
  'out of order resources': 'bad-structure',
  'domain not RFC4501 authority': 'bad-domain',
  'address not EIP-55': 'bad-address',
  'statement has line break': 'bad-structure',
  'uri is non-RFC 3986': 'bad-uri',
  'version not 1': 'bad-version',
  'not a valid chainId': 'bad-chain-id',
  'nonce with less then 8 chars': 'bad-nonce',
  'non-ISO 8601 issuedAt': 'bad-time',
  'non-ISO 8601 expirationTime': 'bad-time',
  'non-ISO 8601 notBefore': 'bad-time',
  'resources not separated by line break': 'bad-resource',
  'first resource not-RFC 3986': 'bad-resource',
  'second resource is not-RFC3986': 'bad-resource',
};

const OBJECT_REASONS: Record<string, SiweReason> = {
  'missing domain': 'bad-domain',
  'missing address': 'bad-address',
  'missing uri': 'bad-uri',
  'missing version': 'bad-version',
  'missing chainId': 'bad-chain-id',
  'missing nonce': 'bad-nonce',
  'missing issuedAt': 'bad-time',
  'domain not RFC4501 authority': 'bad-domain',
  'address not EIP-55': 'bad-address',
  'uri is non-RFC 3986': 'bad-uri',
  'version not 1': 'bad-version',
  'not a valid chainId': 'bad-chain-id',
  'nonce with less then 8 chars': 'bad-nonce',
  'non-ISO 8601 issuedAt': 'bad-time',
  'non-ISO 8601 expirationTime': 'bad-time',
  'non-ISO 8601 notBefore': 'bad-time',
  'first resource not-RFC 3986': 'bad-resource',
  'second resource is not-RFC3986': 'bad-resource',
};

const VERIFY_REASONS: Record<string, SiweReason> = {
  'expired message': 'expired',
  'domain binding': 'domain-mismatch',
  'custom time': 'expired',
  'custom nonce': 'nonce-mismatch',
  'malformed signature': 'malformed-signature',
  'wrong signature': 'signature-mismatch',
  'not yet valid': 'not-yet-valid',
  'invalid issuedAt': 'bad-time',
  'invalid notBefore': 'bad-time',
  'invalid expirationTime': 'bad-time',
};

function reasonOf(run: () => unknown): SiweReason | 'accepted' | 'not a SiweError' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof SiweError ? error.reason : 'not a SiweError';
  }
}

async function asyncReasonOf(run: () => Promise<unknown>): Promise<SiweReason | 'accepted' | 'not a SiweError'> {
  try {
    await run();
    return 'accepted';
  } catch (error) {
    return error instanceof SiweError ? error.reason : 'not a SiweError';
  }
}

/** What a vector asks: its own domain and nonce unless it names others, its time or now. */
function verifyVector(v: VerificationVector, message: string) {
  return verifySiweMessage({
    message,
    signature: v.signature,
    expected: { domain: v.domainBinding ?? v.domain, nonce: v.matchNonce ?? v.nonce, time: v.time ? new Date(v.time) : new Date() },
  });
}

/** The signed text: laid out without checks, so broken fields reach the parser inside verify. */
function messageOf({ signature: _s, time: _t, domainBinding: _d, matchNonce: _n, ...fields }: VerificationVector): string {
  return formatSiweMessage(fields);
}

describe('parsing_positive.json: parsed to exactly the expected fields', () => {
  it.each(load<{ message: string; fields: SiweFields }>('parsing_positive.json'))('%s', (_name, { message, fields }) => {
    expect(parseSiweMessage(message)).toStrictEqual(withoutNulls(fields));
    // And our builder writes the same text back.
    expect(buildSiweMessage(parseSiweMessage(message))).toBe(message);
  });
});

describe('parsing_negative.json: refused by the parser', () => {
  it.each(load<string>('parsing_negative.json'))('%s', (name, message) => {
    expect(reasonOf(() => parseSiweMessage(message))).toBe(PARSE_REASONS[name] ?? 'any reason (new vector: add it to PARSE_REASONS)');
  });
});

describe('parsing_negative_objects.json: refused by the builder', () => {
  it.each(load<SiweFields>('parsing_negative_objects.json'))('%s', (name, fields) => {
    expect(reasonOf(() => buildSiweMessage(fields))).toBe(OBJECT_REASONS[name] ?? 'any reason (new vector: add it to OBJECT_REASONS)');
  });
});

describe('verification_positive.json: verified', () => {
  it.each(load<VerificationVector>('verification_positive.json'))('%s', async (_name, vector) => {
    const message = messageOf(vector);
    expect(buildSiweMessage(parseSiweMessage(message))).toBe(message);
    await expect(verifyVector(vector, message)).resolves.toMatchObject({ address: vector.address, nonce: vector.nonce });
  });
});

describe('verification_negative.json: refused by verifySiweMessage', () => {
  it.each(load<VerificationVector>('verification_negative.json'))('%s', async (name, vector) => {
    expect(await asyncReasonOf(() => verifyVector(vector, messageOf(vector)))).toBe(
      VERIFY_REASONS[name] ?? 'any reason (new vector: add it to VERIFY_REASONS)',
    );
  });
});

/** Refused with the reason a wallet-less check can honestly give; `malformed` = not 65 bytes. */
const EIP1271_REASONS: Record<string, SiweReason> = { argent: 'signature-mismatch', loopring: 'malformed-signature' };

describe('eip1271.json: contract wallets are refused, not accepted, without a chain to ask', () => {
  it.each(load<{ message: string; signature: Hex }>('eip1271.json'))('%s', async (name, { message, signature }) => {
    const fields = parseSiweMessage(message);
    const verifying = () =>
      verifySiweMessage({ message, signature, expected: { domain: fields.domain, nonce: fields.nonce, time: new Date(fields.issuedAt) } });
    await expect(verifying()).rejects.toThrow(/EIP-1271/);
    expect(await asyncReasonOf(verifying)).toBe(EIP1271_REASONS[name] ?? 'any reason (new vector: add it to EIP1271_REASONS)');
  });
});
