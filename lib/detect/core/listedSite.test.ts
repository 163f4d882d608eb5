import { describe, expect, test } from 'vitest';
import { listedEntryForUrl } from './listedSite';
import { parseTokenList, type TokenList } from './tokenListSchema';

function list(tokens: unknown[]): TokenList {
  const r = parseTokenList({ name: 'Test', timestamp: '2025-01-01T00:00:00Z', version: { major: 1, minor: 0, patch: 0 }, tokens });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.list;
}
const entry = (symbol: string, domains: string[], address: string) => ({
  chainId: 1,
  address,
  name: symbol,
  symbol,
  decimals: 18,
  extensions: { domains },
});
const listed = list([
  entry('ALEX', ['alexmasmej.com'], '0x8BA6DcC667d3FF64C1A2123cE72FF5F0199E5315'),
  entry('MIKE', ['localhost:4102'], '0xe1DA8919f262Ee86f9BE05059C9280142CF23f48'),
  entry('TWIN', ['shared.example'], '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707'),
  entry('TWIN2', ['shared.example'], '0x5FbDB2315678afecb367f032d93F642f64180aa3'),
]);
const symbolAt = (url: string) => listedEntryForUrl(listed, url)?.symbol ?? null;

describe('listedEntryForUrl', () => {
  test('the listed domain and its subdomains, any path, query or case', () => {
    expect(symbolAt('https://alexmasmej.com/')).toBe('ALEX');
    expect(symbolAt('https://www.alexmasmej.com/blog/post?x=1#top')).toBe('ALEX');
    expect(symbolAt('https://a.b.AlexMasmej.COM/')).toBe('ALEX');
    expect(symbolAt('https://alexmasmej.com./')).toBeNull(); // a trailing-dot host is another name to the URL parser
    expect(symbolAt('http://localhost:4102/any/page')).toBe('MIKE');
  });

  test('lookalikes never match: suffixes, prefixes, other labels, homographs, other ports', () => {
    expect(symbolAt('https://alexmasmej.com.evil.io/')).toBeNull();
    expect(symbolAt('https://evil-alexmasmej.com/')).toBeNull();
    expect(symbolAt('https://evilalexmasmej.com/')).toBeNull();
    expect(symbolAt('https://alexmasmej.co/')).toBeNull();
    expect(symbolAt('https://alex-official.xyz/')).toBeNull();
    expect(symbolAt('https://аlexmasmej.com/')).toBeNull(); // Cyrillic а: the parser makes it xn--lexmasmej-…
    expect(new URL('https://аlexmasmej.com/').hostname.startsWith('xn--')).toBe(true);
    expect(symbolAt('http://localhost:41020/')).toBeNull();
    expect(symbolAt('http://localhost/')).toBeNull();
    expect(symbolAt('http://127.0.0.1:4102/')).toBeNull();
  });

  test('plain http off the local machine, other schemes and junk are never a listed site', () => {
    expect(symbolAt('http://alexmasmej.com/')).toBeNull();
    expect(symbolAt('ftp://alexmasmej.com/')).toBeNull();
    expect(symbolAt('chrome://extensions')).toBeNull();
    expect(symbolAt('about:blank')).toBeNull();
    expect(symbolAt('not a url')).toBeNull();
  });

  test('a domain listed for two tokens recognises neither (the page must say which)', () => {
    expect(symbolAt('https://shared.example/')).toBeNull();
  });
});
