import { describe, expect, test } from 'vitest';
import { formatTokenId, InvalidTokenIdError, parseTokenId, sameToken } from './caip19';

const ALEX = '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';

describe('parseTokenId', () => {
  test('reads chain and checksummed address, from checksummed or lower-case input', () => {
    expect(parseTokenId(`eip155:31337/erc20:${ALEX}`)).toEqual({ chainId: 31337, address: ALEX });
    expect(parseTokenId(`eip155:1/erc20:${ALEX.toLowerCase()}`)).toEqual({ chainId: 1, address: ALEX });
  });

  const message = (s: string) => {
    try {
      parseTokenId(s);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidTokenIdError);
      return (e as Error).message;
    }
    throw new Error(`accepted ${s}`);
  };

  test('says what is wrong', () => {
    expect(message('hello')).toMatchInlineSnapshot(`"expected a CAIP-19 id like eip155:1/erc20:0x…, got "hello""`);
    expect(message(ALEX)).toMatchInlineSnapshot(
      `"expected a CAIP-19 id like eip155:1/erc20:0x…, got "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"; add the chain in front: eip155:<chainId>/erc20:<address>"`,
    );
    expect(message(`EIP155:1/ERC20:${ALEX}`)).toMatchInlineSnapshot(
      `"expected a CAIP-19 id like eip155:1/erc20:0x…, got "EIP155:1/ERC20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"; write "eip155" and "erc20" in lower case"`,
    );
    expect(message(`eip155:01/erc20:${ALEX}`)).toMatchInlineSnapshot(
      `"expected a CAIP-19 id like eip155:1/erc20:0x…, got "eip155:01/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"; the chain id is a positive number without leading zeros"`,
    );
    expect(message(`eip155:0/erc20:${ALEX}`)).toMatchInlineSnapshot(
      `"expected a CAIP-19 id like eip155:1/erc20:0x…, got "eip155:0/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"; the chain id is a positive number without leading zeros"`,
    );
    expect(message(`eip155:1/erc721:${ALEX}`)).toMatchInlineSnapshot(
      `"expected a CAIP-19 id like eip155:1/erc20:0x…, got "eip155:1/erc721:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"; only ERC-20 tokens (erc20) can be personal tokens"`,
    );
    expect(message(`eip155:99999999999999999/erc20:${ALEX}`)).toMatchInlineSnapshot(`"the chain id 99999999999999999 is too large"`);
    expect(message('eip155:1/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F87570')).toMatchInlineSnapshot(
      `"the address must be 0x followed by 40 hex digits; this one has 39"`,
    );
    expect(message(`eip155:1/erc20:${ALEX.replace('5FC8', '5fC8')}`)).toMatchInlineSnapshot(
      `"the address checksum does not match; did you mean eip155:1/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707?"`,
    );
    expect(message(`eip155:1/erc20:0x${'0'.repeat(40)}`)).toMatchInlineSnapshot(
      `"the address is the zero address, which is never a token or contract"`,
    );
    expect(message(` eip155:1/erc20:${ALEX}`)).toMatchInlineSnapshot(
      `"expected a CAIP-19 id like eip155:1/erc20:0x…, got " eip155:1/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"; remove the spaces around it"`,
    );
  });
});

test('formatTokenId gives the canonical form and round-trips', () => {
  const id = formatTokenId(31337, ALEX.toLowerCase());
  expect(id).toBe(`eip155:31337/erc20:${ALEX}`);
  expect(formatTokenId(parseTokenId(id).chainId, parseTokenId(id).address)).toBe(id);
  expect(() => formatTokenId(0, ALEX)).toThrow();
});

test('sameToken ignores address case but not the chain', () => {
  const a = parseTokenId(`eip155:1/erc20:${ALEX}`);
  expect(sameToken(a, { chainId: 1, address: ALEX.toLowerCase() as `0x${string}` })).toBe(true);
  expect(sameToken(a, { chainId: 10, address: ALEX })).toBe(false);
});
