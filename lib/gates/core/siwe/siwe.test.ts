import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it, test } from 'vitest';
import {
  buildSiweMessage,
  checkSiweOrigin,
  parseSiweMessage,
  SiweError,
  toSiweStatementText,
  verifySiweMessage,
  type SiweFields,
} from './index';

// Anvil accounts 1 and 2.
const holder = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const stranger = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');

const fields: SiweFields = {
  domain: 'gates.example.org',
  address: holder.address,
  statement: "Unlock 'Members only' on gates.example.org",
  uri: 'https://gates.example.org',
  version: '1',
  chainId: 31337,
  nonce: 'n0nce4gate',
  issuedAt: '2025-01-01T00:00:00.000Z',
  expirationTime: '2025-01-01T00:10:00.000Z',
};
const inside = new Date('2025-01-01T00:05:00Z');

function reasonOf(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof SiweError ? error.reason : String(error);
  }
}

describe('build and parse', () => {
  test('round trip with every field', () => {
    const full: SiweFields = {
      ...fields,
      scheme: 'https',
      notBefore: '2024-12-31T23:59:00+01:00',
      requestId: 'req-1:a@b',
      resources: ['ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', 'https://example.com/a?b=c#d'],
    };
    expect(parseSiweMessage(buildSiweMessage(full))).toStrictEqual(full);
  });

  test('round trip with only the required fields', () => {
    const { statement: _s, expirationTime: _e, ...required } = fields;
    const text = buildSiweMessage(required);
    expect(text).toContain(`${holder.address}\n\n\nURI: `);
    expect(parseSiweMessage(text)).toStrictEqual(required);
  });

  test('the exact layout', () => {
    expect(buildSiweMessage({ ...fields, scheme: 'https', resources: ['https://a.example/x'] })).toMatchInlineSnapshot(`
      "https://gates.example.org wants you to sign in with your Ethereum account:
      0x70997970C51812dc3A010C7d01b50e0d17dc79C8

      Unlock 'Members only' on gates.example.org

      URI: https://gates.example.org
      Version: 1
      Chain ID: 31337
      Nonce: n0nce4gate
      Issued At: 2025-01-01T00:00:00.000Z
      Expiration Time: 2025-01-01T00:10:00.000Z
      Resources:
      - https://a.example/x"
    `);
  });

  test('an empty statement is a present, empty line (the ABNF allows it)', () => {
    const text = buildSiweMessage({ ...fields, statement: '' });
    expect(text).toContain(`${holder.address}\n\n\n\nURI: `);
    expect(parseSiweMessage(text).statement).toBe('');
  });

  test('a lower-case address is checksummed; a wrong checksum is refused', () => {
    expect(buildSiweMessage({ ...fields, address: holder.address.toLowerCase() })).toContain(holder.address);
    expect(reasonOf(() => buildSiweMessage({ ...fields, address: holder.address.replace('C51', 'c51') }))).toBe('bad-address');
    expect(reasonOf(() => parseSiweMessage(buildSiweMessage(fields).replace(holder.address, holder.address.toLowerCase())))).toBe(
      'bad-address',
    );
  });

  test('the builder says what is wrong', () => {
    const message = (patch: Partial<Record<keyof SiweFields, unknown>>) => {
      try {
        buildSiweMessage({ ...fields, ...patch } as SiweFields);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message({ statement: 'Two\nlines' })).toMatchInlineSnapshot(
      `"SIWE statement "Two\\nlines" must be one line of letters, digits, spaces and :/?#[]@!$&'()*+,;=-._~ only (no line break, no " % < > \\ ^ \` { | })."`,
    );
    expect(message({ statement: 'Say "hi"' })).toMatch(/^SIWE statement/);
    expect(message({ nonce: 'abc-1234' })).toMatchInlineSnapshot(`"SIWE nonce "abc-1234" must be at least 8 letters or digits."`);
    expect(message({ address: '0x1234' })).toMatchInlineSnapshot(`"SIWE address "0x1234" is not 0x and 40 hex digits."`);
    expect(message({ issuedAt: '2025-02-29T00:00:00Z' })).toMatchInlineSnapshot(
      `"SIWE issuedAt "2025-02-29T00:00:00Z" is not an RFC 3339 date-time such as 2024-05-01T12:00:00Z."`,
    );
    expect(message({ uri: 'gates.example.org' })).toMatchInlineSnapshot(`"SIWE uri "gates.example.org" is not an absolute RFC 3986 URI."`);
    expect(message({ domain: 'https://gates.example.org' })).toMatch(
      /^SIWE domain "https:\/\/gates.example.org" is not an RFC 3986 authority/,
    );
    expect(message({ domain: undefined })).toMatch(/^SIWE domain \(missing\)/);
    expect(message({ chainId: 0 })).toMatch(/^SIWE chainId 0 /);
    expect(message({ scheme: 'ht tps' })).toMatch(/^SIWE scheme/);
    expect(message({ requestId: 'a b' })).toMatch(/^SIWE requestId/);
    expect(message({ resources: ['https://ok.example', 'not a uri'] })).toMatch(/^SIWE resource "not a uri"/);
  });

  test.each([
    ['2024-02-29T12:00:00Z', 'accepted'],
    ['2023-02-29T12:00:00Z', 'bad-time'],
    ['2024-04-31T12:00:00Z', 'bad-time'],
    ['2024-01-01T24:00:00Z', 'bad-time'],
    ['2024-01-01T23:59:60Z', 'bad-time'],
    ['2024-01-01T12:00:00', 'bad-time'],
    ['2024-01-01 12:00:00Z', 'bad-time'],
    ['2024-01-01T12:00:00.123456789+05:30', 'accepted'],
    ['2024-01-01t12:00:00z', 'accepted'],
  ])('issuedAt %s: %s', (issuedAt, expected) => {
    expect(reasonOf(() => buildSiweMessage({ ...fields, issuedAt }))).toBe(expected);
  });

  test.each([
    ['[::1]:8080', 'accepted'],
    ['[2001:db8::ff00:42:8329]', 'accepted'],
    ['[::ffff:192.0.2.1]', 'accepted'],
    ['[v7.anything]', 'accepted'],
    ['[1:2:3:4:5:6:7:8:9]', 'bad-domain'],
    ['[1::2::3]', 'bad-domain'],
    ['[::gg]', 'bad-domain'],
    ['xn--bcher-kva.example', 'accepted'],
    ['bücher.example', 'bad-domain'],
    ['example.com/path', 'bad-domain'],
    ['', 'bad-domain'],
    [':8080', 'bad-domain'],
  ])('domain %s: %s', (domain, expected) => {
    expect(reasonOf(() => buildSiweMessage({ ...fields, domain }))).toBe(expected);
  });

  test.each([
    ['trailing line break', (m: string) => `${m}\n`],
    ['CRLF line ends', (m: string) => m.replaceAll('\n', '\r\n')],
    ['a leading space', (m: string) => ` ${m}`],
    ['an unknown line', (m: string) => `${m}\nExtra: 1`],
    ['a resource without "- "', (m: string) => `${m}\nResources:\nhttps://a.example`],
    ['chain id with a leading zero', (m: string) => m.replace('Chain ID: 31337', 'Chain ID: 031337')],
    ['chain id past 2^53', (m: string) => m.replace('Chain ID: 31337', 'Chain ID: 9007199254740993')],
    ['a lower-case tag', (m: string) => m.replace('Nonce: ', 'nonce: ')],
  ])('the parser refuses %s', (_name, spoil) => {
    expect(reasonOf(() => parseSiweMessage(spoil(buildSiweMessage(fields))))).toMatch(/^bad-/);
  });
});

describe('toSiweStatementText', () => {
  test.each([
    ['quotes', 'The "Best" gate’s «title»', "The 'Best' gate's 'title'"],
    ['line breaks and tabs', 'Line one\nLine two\r\n\tthree', 'Line one Line two three'],
    ['emoji', '🔥 Hot 🔥 drop 👨‍👩‍👧', 'Hot drop'],
    ['accents and other scripts', 'Café Ünïcode 日本語 gate', 'Cafe Unicode gate'],
    ['percent and brackets', '50% off <now> {a|b}', '50 percent off (now) (a/b)'],
    ['nothing usable', '🎉\n\t🎉', ''],
  ])('%s', (_name, input, output) => {
    const text = toSiweStatementText(input);
    expect(text).toBe(output);
    expect(parseSiweMessage(buildSiweMessage({ ...fields, statement: text })).statement).toBe(text);
  });

  test('10k characters are cut, and the message still parses', () => {
    const text = toSiweStatementText(`${'a "quoted" line\n'.repeat(700)}🙂`);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith('...')).toBe(true);
    expect(parseSiweMessage(buildSiweMessage({ ...fields, statement: text })).statement).toBe(text);
    expect(toSiweStatementText('x'.repeat(10_000), 20)).toBe(`${'x'.repeat(17)}...`);
  });

  it('cannot forge the lines after the statement', () => {
    const text = toSiweStatementText('Hi\n\nURI: https://evil.example\nNonce: 00000000');
    const parsed = parseSiweMessage(buildSiweMessage({ ...fields, statement: text }));
    expect(parsed.uri).toBe(fields.uri);
    expect(parsed.nonce).toBe(fields.nonce);
  });
});

describe('verifySiweMessage with a real signature', () => {
  const message = buildSiweMessage(fields);
  const expected = { domain: fields.domain, nonce: fields.nonce, address: holder.address, time: inside, chainId: 31337, uri: fields.uri };
  const verify = async (patch: Partial<typeof expected> & { scheme?: string } = {}, text = message, signer = holder) => {
    try {
      await verifySiweMessage({
        message: text,
        signature: await signer.signMessage({ message: text }),
        expected: { ...expected, ...patch },
      });
      return 'accepted';
    } catch (error) {
      return error instanceof SiweError ? error.reason : String(error);
    }
  };

  test('passes for the holder, in time, for us', async () => {
    const signature = await holder.signMessage({ message });
    await expect(verifySiweMessage({ message, signature, expected })).resolves.toStrictEqual(parseSiweMessage(message));
    expect(await verify({ domain: 'GATES.example.org', address: holder.address.toLowerCase() as never, scheme: 'https' })).toBe('accepted');
  });

  test.each([
    ['wrong domain', { domain: 'evil.example' }, 'domain-mismatch'],
    ['wrong nonce', { nonce: 'n0nce4gateX' }, 'nonce-mismatch'],
    ['expired', { time: new Date('2025-01-01T00:10:00Z') }, 'expired'],
    ['before issue is fine, before notBefore is not (none here)', { time: new Date('2024-12-31T00:00:00Z') }, 'accepted'],
    ['wrong address', { address: stranger.address }, 'address-mismatch'],
    ['wrong chain', { chainId: 1 }, 'chain-mismatch'],
    ['wrong uri', { uri: 'https://gates.example.org/' }, 'uri-mismatch'],
    ['wrong scheme', { scheme: 'http' }, 'scheme-mismatch'],
    ['invalid time', { time: new Date('nope') }, 'bad-expectation'],
  ])('%s', async (_name, patch, reason) => {
    expect(await verify(patch)).toBe(reason);
  });

  test('not yet valid', async () => {
    const later = buildSiweMessage({ ...fields, notBefore: '2025-01-01T00:06:00Z' });
    expect(await verify({}, later)).toBe('not-yet-valid');
    expect(await verify({ time: new Date('2025-01-01T00:06:00Z') }, later)).toBe('accepted');
  });

  test('another signer, a tampered message, a broken signature', async () => {
    expect(await verify({}, message, stranger)).toBe('signature-mismatch');
    const signature = await holder.signMessage({ message });
    const tampered = message.replace('Members only', 'Members onIy');
    await expect(verifySiweMessage({ message: tampered, signature, expected })).rejects.toMatchObject({ reason: 'signature-mismatch' });
    for (const broken of [signature.slice(0, -2), `${signature.slice(0, -2)}1d`, `${signature}00`, '0x'] as const) {
      await expect(verifySiweMessage({ message, signature: broken as `0x${string}`, expected })).rejects.toMatchObject({
        reason: 'malformed-signature',
      });
    }
  });

  test('a message for another domain, signed by the holder, is still refused', async () => {
    const other = buildSiweMessage({ ...fields, domain: 'evil.example' });
    expect(await verify({}, other)).toBe('domain-mismatch');
  });
});

describe('checkSiweOrigin', () => {
  test.each([
    ['https://gates.example.org', false, { ok: true, domain: 'gates.example.org', uri: 'https://gates.example.org' }],
    ['https://gates.example.org:8443', false, { ok: true, domain: 'gates.example.org:8443', uri: 'https://gates.example.org:8443' }],
    ['https://[2001:db8::1]', false, { ok: true, domain: '[2001:db8::1]', uri: 'https://[2001:db8::1]' }],
    ['http://localhost:3000', true, { ok: true, domain: 'localhost:3000', uri: 'http://localhost:3000' }],
    ['http://127.0.0.1:8545', true, { ok: true, domain: '127.0.0.1:8545', uri: 'http://127.0.0.1:8545' }],
    ['http://localhost:3000', false, /only allowed in development builds/],
    ['http://gates.example.org', true, /not using a secure connection/],
    ['http://192.168.1.2', true, /not using a secure connection/],
    ['null', true, /no origin of its own/],
    ['', true, /no origin of its own/],
    ['file:///home/me/page.html', true, /file on this computer/],
    ['chrome-extension://kdpnpjmkapimhecgldpofpdiiglbdkel', true, /extension cannot ask/],
    ['moz-extension://0b4f1d36-5a2c-4f4e-9d0e-2c5b6f1a2b3c', true, /extension cannot ask/],
    ['data:text/html,hi', true, /not data: pages/],
    ['javascript:alert(1)', true, /not javascript: pages/],
    ['https://user:pw@gates.example.org', true, /user name or password/],
    ['https://gates.example.org@evil.example', true, /user name or password/],
    ['https://gates.example.org/path', true, /not a plain site origin/],
    ['https://Gates.Example.org', true, /not a plain site origin/],
    ['not a url', true, /not a web address/],
  ])('%s (allowLocalhost %s)', (origin, allowLocalhost, expected) => {
    const result = checkSiweOrigin(origin, { allowLocalhost });
    if (expected instanceof RegExp) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(expected);
    } else {
      expect(result).toStrictEqual(expected);
    }
  });

  test('an accepted origin builds a valid message', () => {
    const result = checkSiweOrigin('https://[2001:db8::1]:8443', { allowLocalhost: false });
    if (!result.ok) throw new Error(result.reason);
    expect(parseSiweMessage(buildSiweMessage({ ...fields, domain: result.domain, uri: result.uri })).domain).toBe('[2001:db8::1]:8443');
  });
});
