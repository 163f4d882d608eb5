import { describe, expect, test } from 'vitest';
import devnetList from '@/lib/detect/lists/devnet.tokenlist.json';
import type { TokenList } from '@/lib/detect/core/confirmation';
import { DECLARATION_MESSAGE, type DeclarationMessage } from '@/lib/detect/declarationMessage';
import { resolveDeclaration } from './resolveDeclaration';

const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const ALEX_SITE = 'http://localhost:4101';
const list = devnetList as TokenList;

const manifest = (over: object = {}) =>
  JSON.stringify({
    version: 1,
    token: ALEX,
    creator: { name: 'Alex Masmej', url: `${ALEX_SITE}/`, description: 'Selling myself' },
    ...over,
  });

const message = (over: Partial<DeclarationMessage>): DeclarationMessage => ({
  kind: DECLARATION_MESSAGE,
  token: ALEX,
  pageError: null,
  manifest: { url: `${ALEX_SITE}/personal-token.json`, text: manifest() },
  ...over,
});

describe('resolveDeclaration', () => {
  test('a valid declaration on the listed domain is confirmed and carries the creator', () => {
    expect(resolveDeclaration(message({}), ALEX_SITE, list)).toMatchObject({
      status: 'detected',
      tokenId: ALEX,
      chainId: 31337,
      chainName: 'Devnet A',
      confirmation: 'confirmed',
      creatorName: 'Alex Masmej',
      creatorDescription: 'Selling myself',
    });
  });

  test('the same token declared on another site is only "declared"', () => {
    const elsewhere = 'http://localhost:4103';
    const state = resolveDeclaration(message({ manifest: null }), elsewhere, list);
    expect(state).toMatchObject({ status: 'detected', confirmation: 'declared', origin: elsewhere, creatorName: null });
  });

  test('a lower-case address is accepted and stored in canonical form', () => {
    const state = resolveDeclaration(message({ token: ALEX.toLowerCase().replace('eip155', 'eip155'), manifest: null }), ALEX_SITE, list);
    expect(state).toMatchObject({ status: 'detected', tokenId: ALEX });
  });

  test('every kind of broken declaration becomes a problem to show, never a detection', () => {
    const problems = (m: Partial<DeclarationMessage>, origin = ALEX_SITE) => {
      const state = resolveDeclaration(message(m), origin, list);
      return state.status === 'invalid' ? state.problems : [`unexpectedly ${state.status}`];
    };
    expect(problems({ pageError: 'The page declares 2 tokens; a page may declare only one.' })).toEqual([
      'The page declares 2 tokens; a page may declare only one.',
    ]);
    expect(problems({ token: 'ALEX' })[0]).toMatch(/^The declared token is not valid: expected a CAIP-19 id like eip155:1\/erc20:0x…/);
    expect(problems({ token: 'eip155:137/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707', manifest: null })).toEqual([
      'The token is on chain 137, which this extension cannot read yet.',
    ]);
    expect(problems({ manifest: { url: `${ALEX_SITE}/m.json`, error: 'The manifest answered HTTP 404.' } })).toEqual([
      'The manifest answered HTTP 404.',
    ]);
    expect(problems({ manifest: { url: 'http://localhost:4102/personal-token.json', text: manifest() } })).toEqual([
      'The manifest must be on this site (http://localhost:4101).',
    ]);
    expect(problems({ manifest: { url: `${ALEX_SITE}/m.json`, text: '{ not json' } })[0]).toMatch(/JSON/);
    // An unknown key inside a known object is a mistake; an unknown top-level section is a newer protocol's, skipped (compatibility.ts).
    expect(
      problems({
        manifest: { url: `${ALEX_SITE}/m.json`, text: manifest({ creator: { name: 'Alex', url: `${ALEX_SITE}/`, extra: 1 } }) },
      })[0],
    ).toMatch(/extra/);
    expect(
      resolveDeclaration(message({ manifest: { url: `${ALEX_SITE}/m.json`, text: manifest({ offersV9: [] }) } }), ALEX_SITE, list).status,
    ).toBe('detected');
    const mike = 'eip155:31338/erc20:0xe1DA8919f262Ee86f9BE05059C9280142CF23f48';
    expect(problems({ manifest: { url: `${ALEX_SITE}/m.json`, text: manifest({ token: mike }) } }).join(' ')).toMatch(/token/);
  });
});
