import { describe, expect, test } from 'vitest';
import devnetJson from '../lists/devnet.tokenlist.json';
import { confirmationFor } from './confirmation';
import { parseTokenList, type TokenList } from './tokenListSchema';

const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const MIKE = 'eip155:31338/erc20:0xe1DA8919f262Ee86f9BE05059C9280142CF23f48';
const REAL = 'eip155:1/erc20:0x8BA6DcC667d3FF64C1A2123cE72FF5F0199E5315';

function list(tokens: unknown[]): TokenList {
  const r = parseTokenList({ name: 'Test', timestamp: '2025-01-01T00:00:00Z', version: { major: 1, minor: 0, patch: 0 }, tokens });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.list;
}
const devnet = list(devnetJson.tokens);
const site = list([
  { chainId: 1, address: REAL.split(':').pop(), name: 'Alex', symbol: 'ALEX', decimals: 4, extensions: { domains: ['alexmasmej.com'] } },
]);

describe('devnet list', () => {
  test('each creator is confirmed on its own site only', () => {
    expect(confirmationFor(devnet, ALEX, 'http://localhost:4101')).toBe('confirmed');
    expect(confirmationFor(devnet, MIKE, 'http://localhost:4102')).toBe('confirmed');
    expect(confirmationFor(devnet, ALEX, 'http://localhost:4102')).toBe('declared');
    expect(confirmationFor(devnet, MIKE, 'http://localhost:4101')).toBe('declared');
    expect(confirmationFor(devnet, ALEX, 'http://localhost:41010')).toBe('declared');
    expect(confirmationFor(devnet, ALEX, 'http://localhost')).toBe('declared');
    expect(confirmationFor(devnet, ALEX, 'http://127.0.0.1:4101')).toBe('declared');
  });

  test('the token id is compared by chain and address, not by spelling', () => {
    expect(confirmationFor(devnet, ALEX.toLowerCase(), 'http://localhost:4101')).toBe('confirmed');
    expect(confirmationFor(devnet, ALEX.replace('31337', '1'), 'http://localhost:4101')).toBe('declared');
    expect(confirmationFor(devnet, 'ALEX', 'http://localhost:4101')).toBe('declared');
  });
});

describe('a public site', () => {
  const on = (origin: string) => confirmationFor(site, REAL, origin);

  test('the domain and its subdomains, over https, with or without a path', () => {
    expect(on('https://alexmasmej.com')).toBe('confirmed');
    expect(on('https://www.alexmasmej.com')).toBe('confirmed');
    expect(on('https://blog.alexmasmej.com/posts/1')).toBe('confirmed');
    expect(on('https://AlexMasmej.COM')).toBe('confirmed');
  });

  test('lookalikes stay declared', () => {
    expect(on('https://alexmasmej.com.evil.io')).toBe('declared');
    expect(on('https://evilalexmasmej.com')).toBe('declared');
    expect(on('https://evil-alexmasmej.com')).toBe('declared');
    expect(on('https://alexmasmej.co')).toBe('declared');
    expect(on('https://alexmasmej.com.')).toBe('declared');
    expect(on('https://аlexmasmej.com')).toBe('declared'); // Cyrillic "а": punycode xn--lexmasmej-…
    expect(on('https://alexmasmej.com@evil.io')).toBe('declared');
    expect(on('https://evil.io/alexmasmej.com')).toBe('declared');
  });

  test('wrong scheme or port, unlisted token, nonsense origin', () => {
    expect(on('http://alexmasmej.com')).toBe('declared');
    expect(on('https://alexmasmej.com:8443')).toBe('declared');
    expect(confirmationFor(site, ALEX, 'https://alexmasmej.com')).toBe('declared');
    expect(on('not a url')).toBe('declared');
    expect(on('')).toBe('declared');
  });
});
