import { describe, expect, test } from 'vitest';
import { ALEX_TOKEN, fullManifest, minimalManifest, PAIR } from './testManifests';
import { formatValidationError, formatValidationErrors, validateManifest, type ValidateManifestOptions } from './validateManifest';

// Tests write deliberately wrong shapes into the manifest, so it is untyped here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = any;

/** The lines a creator would read for `input`; [] when valid. */
function problems(input: unknown, opts?: ValidateManifestOptions): string[] {
  const result = validateManifest(input, opts);
  return result.ok ? [] : result.errors.map(formatValidationError);
}

/** Problems of the full example after `edit`. */
function problemsAfter(edit: (m: Manifest) => void, opts?: ValidateManifestOptions): string[] {
  const m = fullManifest() as Manifest;
  edit(m);
  return problems(JSON.stringify(m), opts);
}

describe('valid manifests', () => {
  test('the full example, as text or as a value', () => {
    expect(problems(JSON.stringify(fullManifest()))).toEqual([]);
    expect(problems(fullManifest())).toEqual([]);
  });

  test('the minimal manifest gets empty lists', () => {
    const result = validateManifest(JSON.stringify(minimalManifest()));
    expect(result).toEqual({
      ok: true,
      manifest: { ...minimalManifest(), pairs: [], distributions: [], rewards: [], gates: [], offers: [] },
      warnings: [],
    });
  });

  test('lower-case addresses come out checksummed, token ids canonical', () => {
    const m = fullManifest() as Manifest;
    m.token = ALEX_TOKEN.toLowerCase();
    m.pairs[0].address = PAIR.toLowerCase();
    const result = validateManifest(m);
    if (!result.ok) throw new Error(formatValidationErrors(result.errors));
    expect(result.manifest.token).toBe(ALEX_TOKEN);
    expect(result.manifest.pairs[0]?.address).toBe(PAIR);
  });

  test('a byte-order mark and a $schema key are fine', () => {
    expect(problems(`\uFEFF${JSON.stringify({ $schema: './personal-token-manifest.v1.schema.json', ...minimalManifest() })}`)).toEqual([]);
  });

  test('http is fine on localhost and 127.0.0.1, any port', () => {
    expect(problemsAfter((m) => (m.creator.url = 'http://127.0.0.1:8080/me'))).toEqual([]);
    expect(problemsAfter((m) => (m.votes.hub = 'http://localhost'))).toEqual([]);
  });
});

describe('not JSON, too big', () => {
  test('parse errors name line and column', () => {
    expect(problems('{\n  "version": 1,\n  token: "x"\n}')).toMatchInlineSnapshot(`
      [
        "not JSON: Expected double-quoted property name at line 3, column 3",
      ]
    `);
    expect(problems('{"version": 1,}')).toMatchInlineSnapshot(`
      [
        "not JSON: Expected double-quoted property name at line 1, column 15",
      ]
    `);
    expect(problems('{"version": 1')).toMatchInlineSnapshot(`
      [
        "not JSON: Expected ',' or '}' after property value at line 1, column 14",
      ]
    `);
    expect(problems('  \n')).toMatchInlineSnapshot(`
      [
        "the manifest is empty",
      ]
    `);
  });

  test('not an object', () => {
    expect(problems('[]')).toMatchInlineSnapshot(`
      [
        "the manifest must be a JSON object { … }, got a list",
      ]
    `);
    expect(problems('null')).toMatchInlineSnapshot(`
      [
        "the manifest must be a JSON object { … }, got null",
      ]
    `);
  });

  test('the 64 KiB cap is checked before parsing, in UTF-8 bytes', () => {
    const text = JSON.stringify(minimalManifest());
    const exactly = text + ' '.repeat(64 * 1024 - text.length);
    expect(problems(exactly)).toEqual([]);
    expect(problems(`${exactly} `)).toMatchInlineSnapshot(`
      [
        "manifest is 64.1 KB; the limit is 64 KB",
      ]
    `);
    expect(problems('x'.repeat(70 * 1024))).toMatchInlineSnapshot(`
      [
        "manifest is 70 KB; the limit is 64 KB",
      ]
    `);
    // "é" is two bytes: 33,000 of them are 66,000 bytes although the string has 33,000 characters.
    expect(problems(`"${'é'.repeat(33_000)}"`)).toMatchInlineSnapshot(`
      [
        "manifest is 64.5 KB; the limit is 64 KB",
      ]
    `);
    expect(problems({ ...minimalManifest(), padding: 'x'.repeat(70 * 1024) })).toMatchInlineSnapshot(`
      [
        "manifest is 70.2 KB; the limit is 64 KB",
      ]
    `);
  });
});

describe('every kind of mistake, in words', () => {
  test('version and token', () => {
    expect(problemsAfter((m) => (m.version = 2))).toMatchInlineSnapshot(`
      [
        "version: this manifest uses version 2 of the protocol, which this companion does not read yet (it reads version 1); holders need a newer companion, or the creator can also publish a version 1 manifest",
      ]
    `);
    expect(problemsAfter((m) => (m.version = '1'))).toMatchInlineSnapshot(`
      [
        "version: this companion reads version 1 manifests; got "1"",
      ]
    `);
    expect(problemsAfter((m) => (m.token = 'ALEX'))).toMatchInlineSnapshot(`
      [
        "token: expected a CAIP-19 id like eip155:1/erc20:0x…, got "ALEX"",
      ]
    `);
    expect(problemsAfter((m) => (m.token = '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707'))).toMatchInlineSnapshot(`
      [
        "token: expected a CAIP-19 id like eip155:1/erc20:0x…, got "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"; add the chain in front: eip155:<chainId>/erc20:<address>",
      ]
    `);
    expect(problemsAfter((m) => (m.token = ALEX_TOKEN.replace('5FC8', '5fc8')))).toMatchInlineSnapshot(`
      [
        "token: the address checksum does not match; did you mean eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707?",
      ]
    `);
  });

  test('missing fields', () => {
    expect(problems({ version: 1 })).toMatchInlineSnapshot(`
      [
        "token: required field is missing",
        "creator: required field is missing",
      ]
    `);
    expect(problemsAfter((m) => delete m.distributions[0].claimsUrl)).toMatchInlineSnapshot(`
      [
        "distributions[0].claimsUrl: required field is missing",
      ]
    `);
  });

  test('unknown fields inside known objects are refused, with a suggestion for typos', () => {
    expect(problemsAfter((m) => (m.distribution = []))).toMatchInlineSnapshot(`
      [
        "unknown field 'distribution' at the top level; did you mean 'distributions'?",
      ]
    `);
    expect(problemsAfter((m) => (m.creator.foo = 1))).toMatchInlineSnapshot(`
      [
        "creator: unknown field 'foo' (allowed: name, url, description)",
      ]
    `);
    expect(problemsAfter((m) => (m.creator.Name = 'x'))).toMatchInlineSnapshot(`
      [
        "creator: unknown field 'Name'; did you mean 'name'?",
      ]
    `);
    expect(problemsAfter((m) => (m.distributions[0].claimsURL = m.distributions[0].claimsUrl))).toMatchInlineSnapshot(`
      [
        "distributions[0]: unknown field 'claimsURL'; did you mean 'claimsUrl'?",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[0].amount = '1'))).toMatchInlineSnapshot(`
      [
        "rewards[0]: unknown field 'amount' (allowed: kind, id, title, pair, address)",
      ]
    `);
    expect(problemsAfter((m) => (m.votes.network = '1'))).toMatchInlineSnapshot(`
      [
        "votes: unknown field 'network' (allowed: hub, space, countLiquidity)",
      ]
    `);
    expect(problemsAfter((m) => (m.gates[0].content = 'x'))).toMatchInlineSnapshot(`
      [
        "gates[0]: unknown field 'content' (allowed: id, title, kind, minBalance, endpoint)",
      ]
    `);
  });

  test('addresses: shape, zero, checksum', () => {
    expect(problemsAfter((m) => (m.pairs[0].address = PAIR.replace('Dde0', 'dDe0')))).toMatchInlineSnapshot(`
      [
        "pairs[0].address: checksum does not match; did you mean 0xDde0cce78631444334ec932CF786E277A4d7333B?",
      ]
    `);
    expect(problemsAfter((m) => (m.pairs[0].address = PAIR.toUpperCase().replace('0X', '0x')))).toMatchInlineSnapshot(`
      [
        "pairs[0].address: checksum does not match; did you mean 0xDde0cce78631444334ec932CF786E277A4d7333B?",
      ]
    `);
    expect(problemsAfter((m) => (m.pairs[0].staking = '0x1234'))).toMatchInlineSnapshot(`
      [
        "pairs[0].staking: must be 0x followed by 40 hex digits; this one has 4",
      ]
    `);
    expect(problemsAfter((m) => (m.distributions[0].distributor = PAIR.slice(2)))).toMatchInlineSnapshot(`
      [
        "distributions[0].distributor: must start with 0x",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[0].address = `0x${'0'.repeat(40)}`))).toMatchInlineSnapshot(`
      [
        "rewards[0].address: is the zero address, which is never a token or contract",
      ]
    `);
    expect(problemsAfter((m) => (m.pairs[0].address = 42))).toMatchInlineSnapshot(`
      [
        "pairs[0].address: expected text in quotes, got the number 42",
      ]
    `);
  });

  test('URLs: https only, except on the local machine', () => {
    expect(problemsAfter((m) => (m.creator.url = 'http://alex.example/'))).toMatchInlineSnapshot(`
      [
        "creator.url: must use https:// (http:// is allowed only for localhost)",
      ]
    `);
    expect(problemsAfter((m) => (m.creator.url = 'http://localhost.evil.example/'))).toMatchInlineSnapshot(`
      [
        "creator.url: must use https:// (http:// is allowed only for localhost)",
      ]
    `);
    expect(problemsAfter((m) => (m.distributions[0].claimsUrl = '/claims.json'))).toMatchInlineSnapshot(`
      [
        "distributions[0].claimsUrl: is not a full URL (it must start with https://)",
      ]
    `);
    expect(problemsAfter((m) => (m.gates[0].endpoint = 'javascript:alert(1)'))).toMatchInlineSnapshot(`
      [
        "gates[0].endpoint: must start with https://, not javascript:",
      ]
    `);
    expect(problemsAfter((m) => (m.votes.hub = 'https://user:pw@hub.example/'))).toMatchInlineSnapshot(`
      [
        "votes.hub: must not contain a user name or password",
      ]
    `);
  });

  test('amounts are decimal strings of base units', () => {
    expect(problemsAfter((m) => (m.gates[0].minBalance = 1e18))).toMatchInlineSnapshot(`
      [
        "gates[0].minBalance: expected text in quotes with a whole number of base units, like "1000000000000000000" (1 token with 18 decimals), got the number 1000000000000000000; put the amount in quotes",
      ]
    `);
    expect(problemsAfter((m) => (m.gates[0].minBalance = '1.5'))).toMatchInlineSnapshot(`
      [
        "gates[0].minBalance: "1.5" has a decimal point; amounts are whole base units (1.5 tokens with 18 decimals is "1500000000000000000")",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[1].amount = '0x10'))).toMatchInlineSnapshot(`
      [
        "rewards[1].amount: expected a whole number of base units written with digits only, like "1000000000000000000", got "0x10"",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[1].amount = '-1'))).toMatchInlineSnapshot(`
      [
        "rewards[1].amount: expected a whole number of base units written with digits only, like "1000000000000000000", got "-1"",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[1].amount = '01'))).toMatchInlineSnapshot(`
      [
        "rewards[1].amount: expected a whole number of base units written with digits only, like "1000000000000000000", got "01"",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[1].amount = (2n ** 256n).toString()))).toMatchInlineSnapshot(`
      [
        "rewards[1].amount: is larger than any token amount (2^256 - 1)",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[1].amount = (2n ** 256n - 1n).toString()))).toEqual([]);
  });

  test('kinds, enums, dates, ids, blocks, types', () => {
    expect(problemsAfter((m) => (m.rewards[0].kind = 'farm'))).toMatchInlineSnapshot(`
      [
        "rewards[0].kind: expected one of "staking-rewards", "snapshot", got the text "farm"",
      ]
    `);
    expect(problemsAfter((m) => delete m.rewards[0].kind)).toMatchInlineSnapshot(`
      [
        "rewards[0].kind: expected one of "staking-rewards", "snapshot", got nothing",
      ]
    `);
    expect(problemsAfter((m) => (m.gates[0].kind = 'video'))).toMatchInlineSnapshot(`
      [
        "gates[0].kind: expected one of "post", "link", "code", got the text "video"",
      ]
    `);
    expect(problemsAfter((m) => (m.pairs[0].protocol = 'uniswap-v3'))).toMatchInlineSnapshot(`
      [
        "pairs[0].protocol: expected "uniswap-v2", got the text "uniswap-v3"",
      ]
    `);
    expect(problemsAfter((m) => (m.distributions[0].date = '2021-02-30'))).toMatchInlineSnapshot(`
      [
        "distributions[0].date: expected a date written YYYY-MM-DD, like "2021-04-01"",
      ]
    `);
    expect(problemsAfter((m) => (m.distributions[0].id = 'Q1 2021'))).toMatchInlineSnapshot(`
      [
        "distributions[0].id: may use only letters, digits, ".", "_" and "-", and must start with a letter or digit",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[1].startBlock = 1.5))).toMatchInlineSnapshot(`
      [
        "rewards[1].startBlock: expected a whole number, got the number 1.5 (not a whole number)",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[1].startBlock = -1))).toMatchInlineSnapshot(`
      [
        "rewards[1].startBlock: must be 0 or more, got the number -1",
      ]
    `);
    expect(problemsAfter((m) => (m.votes.space = 'alex eth'))).toMatchInlineSnapshot(`
      [
        "votes.space: expected a Snapshot space id like "alex.eth"",
      ]
    `);
    expect(problemsAfter((m) => (m.pairs = { address: PAIR }))).toMatchInlineSnapshot(`
      [
        "pairs: expected a list [ … ], got an object",
      ]
    `);
    expect(problemsAfter((m) => (m.creator.name = 'Alex\u202Eniarb'))).toMatchInlineSnapshot(`
      [
        "creator.name: must not contain control characters or text-direction overrides",
      ]
    `);
    expect(problemsAfter((m) => (m.creator.name = '   '))).toMatchInlineSnapshot(`
      [
        "creator.name: must not be empty",
      ]
    `);
  });

  test('caps on strings and lists', () => {
    expect(problemsAfter((m) => (m.creator.name = 'x'.repeat(81)))).toMatchInlineSnapshot(`
      [
        "creator.name: is 81 characters long; the limit is 80",
      ]
    `);
    expect(problemsAfter((m) => (m.creator.description = 'x'.repeat(501)))).toMatchInlineSnapshot(`
      [
        "creator.description: is 501 characters long; the limit is 500",
      ]
    `);
    expect(problemsAfter((m) => (m.gates[0].title = 'x'.repeat(121)))).toMatchInlineSnapshot(`
      [
        "gates[0].title: is 121 characters long; the limit is 120",
      ]
    `);
    expect(problemsAfter((m) => (m.gates[0].id = 'x'.repeat(65)))).toMatchInlineSnapshot(`
      [
        "gates[0].id: is 65 characters long; the limit is 64",
      ]
    `);
    expect(problemsAfter((m) => (m.creator.url = `https://alex.example/${'x'.repeat(2030)}`))).toMatchInlineSnapshot(`
      [
        "creator.url: is 2051 characters long; the limit is 2048",
      ]
    `);
    const tooMany = problemsAfter((m) => (m.gates = Array.from({ length: 51 }, (_, i) => ({ ...m.gates[0], id: `g${i}` }))));
    expect(tooMany).toMatchInlineSnapshot(`
      [
        "gates: has 51 entries; the limit is 50",
      ]
    `);
    expect(problemsAfter((m) => (m.gates = Array.from({ length: 50 }, (_, i) => ({ ...m.gates[0], id: `g${i}` }))))).toEqual([]);
  });

  test('rules between fields', () => {
    expect(problemsAfter((m) => m.distributions.push({ ...m.distributions[0] }))).toMatchInlineSnapshot(`
      [
        "distributions[2].id: "2021-q1" is already used by distributions[0]; ids must be unique within distributions",
      ]
    `);
    expect(problemsAfter((m) => m.pairs.push({ ...m.pairs[0], address: PAIR.toLowerCase() }))).toMatchInlineSnapshot(`
      [
        "pairs[1].address: 0xDde0cce78631444334ec932CF786E277A4d7333B is already listed as pairs[0]",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[0].pair = '0x09c19789D06fa5Ffe4f079535bC0e65be60043AB'))).toMatchInlineSnapshot(`
      [
        "rewards[0].pair: 0x09c19789D06fa5Ffe4f079535bC0e65be60043AB is not one of the manifest's pairs; add it to "pairs" first",
      ]
    `);
    // A pair's staking contract may be declared on the pair, as a staking-rewards reward, or both.
    expect(problemsAfter((m) => delete m.pairs[0].staking)).toEqual([]);
    expect(problemsAfter((m) => m.rewards.splice(0, 1))).toEqual([]);
    expect(problemsAfter((m) => (m.pairs[0].staking = '0x09c19789D06fa5Ffe4f079535bC0e65be60043AB'))).toMatchInlineSnapshot(`
      [
        "rewards[0].address: 0x8F6D06a17E13511155FfA96004c22aFAE6A03438 is a second staking contract for pair 0xDde0cce78631444334ec932CF786E277A4d7333B, which pairs[0].staking already gives as 0x09c19789D06fa5Ffe4f079535bC0e65be60043AB; the companion follows one StakingRewards per pair (declare it in pairs[].staking, in rewards[], or in both with the same address)",
      ]
    `);
    expect(problemsAfter((m) => (m.distributions[1].token = ALEX_TOKEN.replace('31337', '1')))).toMatchInlineSnapshot(`
      [
        "distributions[1].token: is on chain 1 but the manifest's token is on chain 31337; contracts in one manifest live on the token's chain",
      ]
    `);
    expect(problemsAfter((m) => (m.rewards[1].endBlock = m.rewards[1].startBlock))).toMatchInlineSnapshot(`
      [
        "rewards[1].endBlock: must be after startBlock (100), got 100",
      ]
    `);
  });

  test("the manifest must name the page's token", () => {
    expect(problemsAfter(() => {}, { expectedToken: ALEX_TOKEN.toLowerCase() })).toEqual([]);
    expect(problemsAfter(() => {}, { expectedToken: ALEX_TOKEN.replace('31337', '31338') })).toMatchInlineSnapshot(`
      [
        "token: does not match the page's declaration: the manifest names eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707, the page declares eip155:31338/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
      ]
    `);
    expect(problemsAfter(() => {}, { expectedToken: 'ALEX' })).toMatchInlineSnapshot(`
      [
        "the page's declaration is not a valid token id: expected a CAIP-19 id like eip155:1/erc20:0x…, got "ALEX"",
      ]
    `);
  });
});

test('errors carry a path for the UI and format one per line', () => {
  const result = validateManifest({ ...minimalManifest(), token: 'x', creator: { name: 'A', url: 'ftp://a' } });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errors.map((e) => e.path)).toEqual(['token', 'creator.url']);
  expect(formatValidationErrors(result.errors, '✗ ')).toMatchInlineSnapshot(`
    "✗ token: expected a CAIP-19 id like eip155:1/erc20:0x…, got "x"
    ✗ creator.url: must start with https://, not ftp:"
  `);
});
