import { expect, test } from 'vitest';
import devnetJson from '../lists/devnet.tokenlist.json';
import releaseJson from '../lists/release.tokenlist.json';
import { parseTokenId } from '@/lib/protocol/caip19';
import { isLocalHost } from '@/lib/protocol/url';
import { formatValidationError } from '@/lib/protocol/validationError';
import { parseTokenList } from './tokenListSchema';

test('the shipped lists are valid', () => {
  expect(parseTokenList(devnetJson)).toMatchObject({ ok: true });
  expect(parseTokenList(releaseJson)).toMatchObject({ ok: true });
});

test('the devnet list names the demo creators', () => {
  const r = parseTokenList(devnetJson);
  if (!r.ok) throw new Error('invalid');
  expect(r.list.tokens.map((t) => [t.chainId, t.address, t.symbol, t.decimals, t.extensions?.domains])).toEqual([
    [31337, '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707', 'ALEX', 18, ['localhost:4101']],
    [31338, '0xe1DA8919f262Ee86f9BE05059C9280142CF23f48', 'MIKE', 18, ['localhost:4102']],
  ]);
});

test('a release list never confirms devnet chains or local hosts', () => {
  const r = parseTokenList(releaseJson);
  if (!r.ok) throw new Error('invalid');
  for (const t of r.list.tokens) {
    expect([31337, 31338]).not.toContain(t.chainId);
    for (const d of t.extensions?.domains ?? []) expect(isLocalHost(d.split(':')[0] ?? '')).toBe(false);
    expect(() => parseTokenId(`eip155:${t.chainId}/erc20:${t.address}`)).not.toThrow();
  }
});

test('mistakes in a list entry are named', () => {
  const entry = devnetJson.tokens[0];
  const bad = {
    ...devnetJson,
    tokens: [
      { ...entry, extensions: { domains: ['https://Alex.example/'] } },
      { ...entry, address: entry?.address.replace('5FC8', '5fc8') },
      { ...entry, extensions: { domains: [] } },
      entry,
    ],
  };
  const r = parseTokenList(bad);
  expect(r.ok ? [] : r.errors.map(formatValidationError)).toMatchInlineSnapshot(`
    [
      "tokens[0].extensions.domains[0]: expected a lower-case host like "alexmasmej.com" or "localhost:4101" (no https://, no path; punycode for non-ASCII names)",
      "tokens[1].address: checksum does not match; did you mean 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707?",
      "tokens[2].extensions.domains: needs at least 1 entries",
      "tokens[1]: chain 31337 token 0x5fc8d32690cc91D4c39d9d3abcBD16989F875707 is listed twice",
      "tokens[2]: chain 31337 token 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 is listed twice",
      "tokens[3]: chain 31337 token 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 is listed twice",
    ]
  `);
  const problems = (input: unknown) => {
    const result = parseTokenList(input);
    return result.ok ? [] : result.errors.map(formatValidationError);
  };
  expect(problems({ ...devnetJson, tokens: [entry, { ...entry, address: entry?.address.toLowerCase() }] })).toMatchInlineSnapshot(`
    [
      "tokens[1]: chain 31337 token 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 is listed twice",
    ]
  `);
  expect(problems([])).toMatchInlineSnapshot(`
    [
      "a token list must be a JSON object { … }, got a list",
    ]
  `);
});
