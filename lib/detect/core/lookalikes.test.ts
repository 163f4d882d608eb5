import { describe, expect, test } from 'vitest';
import { fold, lookalikeWarnings, looksLike, type KnownCreator } from './lookalikes';

const ALEX: KnownCreator = {
  tokenId: 'eip155:1/erc20:0x8BA6DcC667d3FF64C1A2123cE72FF5F0199E5315',
  name: 'Alex Masmej',
  symbol: 'ALEX',
  domains: ['alexmasmej.com'],
};
const FOLLOWED: KnownCreator = {
  tokenId: 'eip155:1/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
  name: 'Mike Merrill',
  symbol: 'MIKE',
  domains: [],
};
const FAKE = 'eip155:1/erc20:0x000000000000000000000000000000000000bad1';

describe('lookalike tokens', () => {
  test("a token copying a listed creator's symbol or name with another address is warned about", () => {
    const [w] = lookalikeWarnings({ tokenId: FAKE, name: 'Alex Masmej', symbol: 'ALEX' }, 'https://alex-coin.xyz', [ALEX]);
    expect(w).toBe(
      'This token copies the name and symbol of Alex Masmej ($ALEX) but is another contract; the real one is listed for alexmasmej.com. Do not buy it or sign anything here unless you are sure.',
    );
    expect(lookalikeWarnings({ tokenId: FAKE, name: 'Real Alex', symbol: 'аlex' }, 'https://x.example', [ALEX])[0]).toMatch(
      /copies the symbol of Alex Masmej/,
    );
    expect(lookalikeWarnings({ tokenId: FAKE, name: 'mike merrill', symbol: 'MM' }, 'https://x.example', [FOLLOWED])[0]).toMatch(
      /copies the name of Mike Merrill \(\$MIKE\) but is another contract\. Do not/,
    );
  });

  test('the real token, unrelated tokens and the creator’s own listed site are not warned about', () => {
    expect(
      lookalikeWarnings({ tokenId: ALEX.tokenId.toLowerCase(), name: 'Alex Masmej', symbol: 'ALEX' }, 'https://x.example', [ALEX]),
    ).toEqual([]);
    expect(lookalikeWarnings({ tokenId: FAKE, name: 'Bob', symbol: 'BOB' }, 'https://bob.example', [ALEX, FOLLOWED])).toEqual([]);
    expect(lookalikeWarnings({ tokenId: FAKE, name: 'Alex Masmej Coin', symbol: 'MASMEJ' }, 'https://alexmasmej.com', [ALEX])).toEqual([]);
    expect(lookalikeWarnings({ tokenId: FAKE, name: 'Alex Masmej', symbol: 'ALEX' }, 'https://www.alexmasmej.com', [ALEX])).toEqual([]);
  });
});

describe('lookalike domains', () => {
  test('homographs (punycode), extra words, extra labels and one-letter typos look like the listed domain', () => {
    expect(looksLike(new URL('https://аlexmasmej.com').hostname, 'alexmasmej.com')).toBe(true); // Cyrillic а
    expect(looksLike('alexmasmej-official.xyz', 'alexmasmej.com')).toBe(true);
    expect(looksLike('official-alexmasmej.com', 'alexmasmej.com')).toBe(true);
    expect(looksLike('alexmasmej.com.evil.io', 'alexmasmej.com')).toBe(true);
    expect(looksLike('alexmasmaj.com', 'alexmasmej.com')).toBe(true);
    expect(looksLike('alexmasmej.co', 'alexmasmej.com')).toBe(true);
    expect(looksLike('alex-official.xyz', 'alex.xyz')).toBe(true);
    expect(looksLike('example.com', 'alexmasmej.com')).toBe(false);
    expect(looksLike('alexander.com', 'alex.xyz')).toBe(false);
  });

  test('the warning names the listed site; the listed site itself gets none', () => {
    expect(lookalikeWarnings(null, 'https://alexmasmej-official.xyz', [ALEX])).toEqual([
      'This site (alexmasmej-official.xyz) looks like alexmasmej.com, where Alex Masmej is listed, but it is a different site. Check the address bar before you sign anything.',
    ]);
    expect(lookalikeWarnings(null, 'https://blog.alexmasmej.com', [ALEX])).toEqual([]);
  });

  test('fold removes case, punctuation and homographs', () => {
    expect(fold('Аlex  Masmej!')).toBe('alexmasmej');
  });
});
