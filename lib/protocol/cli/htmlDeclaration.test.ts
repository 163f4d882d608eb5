import { expect, test } from 'vitest';
import { findDeclarationInHtml } from './htmlDeclaration';

test('finds the meta and the link whatever the quoting, case and order of attributes', () => {
  const html = `<!doctype html><html><head>
    <META content='eip155:1/erc20:0xabc' NAME=Personal-Token>
    <link href="/personal-token.json?a=1&amp;b=2" rel="alternate personal-token-manifest" />
  </head><body></body></html>`;
  expect(findDeclarationInHtml(html)).toEqual({
    token: 'eip155:1/erc20:0xabc',
    manifestHref: '/personal-token.json?a=1&b=2',
    tokenCount: 1,
  });
});

test('ignores commented-out tags and lookalike names, counts duplicates, keeps the first', () => {
  const html = `<!-- <meta name="personal-token" content="old"> -->
    <meta name="personal-tokens" content="no">
    <meta property="personal-token" content="no">
    <link rel="personal-token-manifest-v2" href="/no.json">
    <meta name="personal-token" content="first">
    <meta name="personal-token" content="second">
    <meta data-x=">" name="personal-token" content="third">`;
  expect(findDeclarationInHtml(html)).toEqual({ token: 'first', manifestHref: null, tokenCount: 3 });
});

test('a page without a declaration', () => {
  expect(findDeclarationInHtml('<p>hello</p>')).toEqual({ token: null, manifestHref: null, tokenCount: 0 });
});
