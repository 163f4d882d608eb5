import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readDeclaration } from './readDeclaration';

const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const ORIGIN = 'http://localhost:4101';

function page(head: string): Document {
  const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body><p>Hi</p></body></html>`);
  // linkedom has no URL of its own; a browser document's baseURI is its address.
  Object.defineProperty(document, 'baseURI', { value: `${ORIGIN}/posts/1` });
  return document as unknown as Document;
}

describe('readDeclaration', () => {
  test('a page that declares nothing yields nothing', () => {
    expect(readDeclaration(page('<title>Plain</title><meta name="description" content="x">'), ORIGIN)).toBeNull();
  });

  test('token and same-origin manifest, relative link resolved against the page', () => {
    const doc = page(`<meta name="personal-token" content=" ${ALEX} "><link rel="personal-token-manifest" href="/personal-token.json">`);
    expect(readDeclaration(doc, ORIGIN)).toEqual({ token: ALEX, pageError: null, manifestUrl: `${ORIGIN}/personal-token.json` });
  });

  test('a token without a manifest is a valid, minimal declaration', () => {
    expect(readDeclaration(page(`<meta name="personal-token" content="${ALEX}">`), ORIGIN)).toEqual({
      token: ALEX,
      pageError: null,
      manifestUrl: null,
    });
  });

  test('a malformed token id is reported without its manifest, so nothing is fetched for it', () => {
    const doc = page(
      '<meta name="personal-token" content="ALEX on mainnet"><link rel="personal-token-manifest" href="/personal-token.json">',
    );
    expect(readDeclaration(doc, ORIGIN)).toEqual({ token: 'ALEX on mainnet', pageError: null, manifestUrl: null });
  });

  test('a manifest on another origin is refused before any request', () => {
    const doc = page(
      `<meta name="personal-token" content="${ALEX}"><link rel="personal-token-manifest" href="https://evil.example/m.json">`,
    );
    expect(readDeclaration(doc, ORIGIN)?.pageError).toBe(
      'The manifest must be on this site (http://localhost:4101), not on https://evil.example.',
    );
  });

  test('several tokens, several manifests and oversized content are errors, not guesses', () => {
    const two = page(`<meta name="personal-token" content="${ALEX}"><meta name="personal-token" content="${ALEX}">`);
    expect(readDeclaration(two, ORIGIN)?.pageError).toBe('The page declares 2 tokens; a page may declare only one.');
    const links = page(
      `<meta name="personal-token" content="${ALEX}"><link rel="personal-token-manifest" href="/a"><link rel="personal-token-manifest" href="/b">`,
    );
    expect(readDeclaration(links, ORIGIN)?.pageError).toBe('The page links more than one personal-token manifest.');
    const huge = page(`<meta name="personal-token" content="${'x'.repeat(5000)}">`);
    expect(readDeclaration(huge, ORIGIN)?.pageError).toBe('The token declaration is 5000 characters long; the limit is 200.');
  });
});
