import { expect, test } from 'vitest';
import { checkDeclaration } from './declaration';
import { formatValidationError } from './validationError';

const TOKEN = 'eip155:31337/erc20:0x5fc8d32690cc91d4c39d9d3abcbd16989f875707';
const PAGE = 'https://alex.example/blog/post?x=1';

const problems = (page: string, token: string | null, manifestHref?: string | null) => {
  const r = checkDeclaration(page, { token, manifestHref });
  return r.ok ? [] : r.errors.map(formatValidationError);
};

test('a valid declaration gives the canonical id and the resolved manifest URL', () => {
  expect(checkDeclaration(PAGE, { token: ` ${TOKEN}\n`, manifestHref: '/personal-token.json#top' })).toEqual({
    ok: true,
    token: { chainId: 31337, address: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707' },
    tokenId: 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
    manifestUrl: 'https://alex.example/personal-token.json',
  });
  expect(checkDeclaration(PAGE, { token: TOKEN })).toMatchObject({ ok: true, manifestUrl: null });
  expect(checkDeclaration('http://localhost:4101/', { token: TOKEN, manifestHref: 'personal-token.json' })).toMatchObject({
    manifestUrl: 'http://localhost:4101/personal-token.json',
  });
});

test('the manifest must be on the page origin, over http(s)', () => {
  expect(problems(PAGE, TOKEN, 'https://evil.example/personal-token.json')).toMatchInlineSnapshot(`
    [
      "<link rel="personal-token-manifest">: points to https://evil.example, but the manifest must be on the page's own origin (https://alex.example)",
    ]
  `);
  expect(problems(PAGE, TOKEN, '//alex.example.evil.example/m.json')).toMatchInlineSnapshot(`
    [
      "<link rel="personal-token-manifest">: points to https://alex.example.evil.example, but the manifest must be on the page's own origin (https://alex.example)",
    ]
  `);
  expect(problems(PAGE, TOKEN, 'http://alex.example/personal-token.json')).toMatchInlineSnapshot(`
    [
      "<link rel="personal-token-manifest">: points to http://alex.example, but the manifest must be on the page's own origin (https://alex.example)",
    ]
  `);
  expect(problems(PAGE, TOKEN, 'https://alex.example:8443/personal-token.json')).toMatchInlineSnapshot(`
    [
      "<link rel="personal-token-manifest">: points to https://alex.example:8443, but the manifest must be on the page's own origin (https://alex.example)",
    ]
  `);
  expect(problems(PAGE, TOKEN, 'javascript:alert(1)')).toMatchInlineSnapshot(`
    [
      "<link rel="personal-token-manifest">: must point to an http(s) address, not javascript:",
    ]
  `);
  expect(problems(PAGE, TOKEN, 'data:application/json,{}')).toMatchInlineSnapshot(`
    [
      "<link rel="personal-token-manifest">: must point to an http(s) address, not data:",
    ]
  `);
  expect(problems(PAGE, TOKEN, '  ')).toMatchInlineSnapshot(`
    [
      "<link rel="personal-token-manifest">: has an empty href",
    ]
  `);
  expect(problems(PAGE, TOKEN, 'https://[bad')).toMatchInlineSnapshot(`
    [
      "<link rel="personal-token-manifest">: href "https://[bad" is not a valid URL",
    ]
  `);
});

test('the token must be a valid CAIP-19 id', () => {
  expect(problems(PAGE, null)).toMatchInlineSnapshot(`
    [
      "<meta name="personal-token">: missing: the page declares no personal token",
    ]
  `);
  expect(problems(PAGE, '$ALEX', 'https://evil.example/m.json')).toMatchInlineSnapshot(`
    [
      "<meta name="personal-token">: expected a CAIP-19 id like eip155:1/erc20:0x…, got "$ALEX"",
      "<link rel="personal-token-manifest">: points to https://evil.example, but the manifest must be on the page's own origin (https://alex.example)",
    ]
  `);
});
