import type { Address, Hex } from 'viem';

// Many `balanceOf` reads in one eth_call, with ~20 bytes of calldata per holder and 32 bytes of
// answer per balance. The call has no `to`: its data is a contract's creation code (BALANCE_SCAN,
// below) followed by the tokens and holders. The node runs the constructor, which calls
// `token.balanceOf(holder)` for every holder and token and returns the balances; nothing is
// deployed (an eth_call never writes). Multicall3's aggregate3 needs 224 bytes of calldata per
// balance and answers ~160: for a 10,000-vote tally counting liquidity that was 9 MB of JSON-RPC
// request, which the service worker stringified and handed to fetch (~100 ms a MB in Chromium,
// blocking it), and 6 MB of answer to parse.

/** Opcodes the scanner uses (Ethereum Yellow Paper, appendix H). */
const OPCODES: Record<string, number> = {
  ADD: 0x01,
  MUL: 0x02,
  SUB: 0x03,
  LT: 0x10,
  GT: 0x11,
  ISZERO: 0x15,
  OR: 0x17,
  NOT: 0x19,
  SHL: 0x1b,
  SHR: 0x1c,
  CODESIZE: 0x38,
  CODECOPY: 0x39,
  RETURNDATASIZE: 0x3d,
  POP: 0x50,
  MLOAD: 0x51,
  MSTORE: 0x52,
  JUMP: 0x56,
  JUMPI: 0x57,
  JUMPDEST: 0x5b,
  PUSH1: 0x60,
  PUSH2: 0x61,
  PUSH3: 0x62,
  PUSH4: 0x63,
  DUP2: 0x81,
  DUP4: 0x83,
  SWAP1: 0x90,
  SWAP2: 0x91,
  RETURN: 0xf3,
  STATICCALL: 0xfa,
};

/**
 * Bytes of an assembly listing: mnemonics, `PUSHn value`, `name:` for a jump target (JUMPDEST)
 * and `@name` to push a target's offset (PUSH2); `@end` is the end of the code. `;` comments.
 */
export function assemble(listing: string): Uint8Array {
  const tokens = listing
    .split('\n')
    .map((line) => line.replace(/;.*/, ''))
    .flatMap((line) => line.split(/\s+/))
    .filter(Boolean);
  const size = (token: string) =>
    token.endsWith(':') ? 1 : token.startsWith('@') ? 3 : /^PUSH\d+$/.test(token) ? 1 : OPCODES[token] !== undefined ? 1 : 0;
  const labels = new Map<string, number>();
  let at = 0;
  let pushWidth = 0;
  for (const token of tokens) {
    if (pushWidth > 0) {
      at += pushWidth;
      pushWidth = 0;
      continue;
    }
    if (token.endsWith(':')) labels.set(token.slice(0, -1), at);
    if (/^PUSH\d+$/.test(token)) pushWidth = Number(token.slice(4));
    at += size(token);
  }
  labels.set('end', at);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.endsWith(':')) out.push(OPCODES.JUMPDEST!);
    else if (token.startsWith('@')) {
      const target = labels.get(token.slice(1));
      if (target === undefined) throw new Error(`assemble: no label ${token}`);
      out.push(OPCODES.PUSH2!, target >> 8, target & 0xff);
    } else if (/^PUSH\d+$/.test(token)) {
      const width = Number(token.slice(4));
      const value = BigInt(tokens[++i] ?? 'x');
      if (value >= 1n << BigInt(8 * width)) throw new RangeError(`assemble: ${value} does not fit ${token}`);
      out.push(OPCODES[token]!, ...Array.from({ length: width }, (_, b) => Number((value >> BigInt(8 * (width - 1 - b))) & 0xffn)));
    } else {
      const opcode = OPCODES[token];
      if (opcode === undefined) throw new Error(`assemble: unknown ${token}`);
      out.push(opcode);
    }
  }
  return Uint8Array.from(out);
}

/** What the scanner writes for a balance it could not read (the call failed or answered under 32 bytes). */
const UNREADABLE = 2n ** 256n - 1n;

// The creation code. After it come: one byte k, k token addresses, then the holders' addresses
// (20 bytes each). It returns, holder by holder, each token's balance as a 32-byte word
// (UNREADABLE where the call failed). Each balanceOf gets at most 100,000 gas (a cold ERC-20 read
// is ~5,000), so a token that burns gas cannot starve the others. Memory: [0, 0x24) the
// balanceOf calldata, 0x40 a scratch word for reading the appended addresses, 0x60 onwards the
// answer. The comments show the stack after each line, its top on the right.
const SCAN = `
      @end                                     ; a          where the arguments start
      PUSH1 32 DUP2 PUSH1 0x40 CODECOPY        ; a          scratch = code[a, a + 32)
      PUSH1 0x40 MLOAD PUSH1 248 SHR           ; a k        the number of tokens
      PUSH1 20 MUL                             ; a 20k
      DUP2 PUSH1 1 ADD                         ; a 20k t0   the first token
      SWAP1 DUP2 ADD                           ; a t0 hs    the first holder
      PUSH4 0x70a08231 PUSH1 224 SHL PUSH1 0 MSTORE   ; balanceOf(address) selector at 0
      PUSH1 0x60                               ; a t0 hs out
      DUP2                                     ; a t0 hs out h
holder:
      CODESIZE DUP2 LT ISZERO @done JUMPI      ; a t0 hs out h           done when h reaches the end
      PUSH1 32 DUP2 PUSH1 0x40 CODECOPY
      PUSH1 0x40 MLOAD PUSH1 96 SHR PUSH1 4 MSTORE     ; the holder into the calldata
      DUP4                                     ; a t0 hs out h t
token:
      DUP4 DUP2 LT ISZERO @next JUMPI          ; a t0 hs out h t         next holder when t reaches hs
      PUSH1 32 DUP2 PUSH1 0x40 CODECOPY
      PUSH1 32 DUP4 PUSH1 0x24 PUSH1 0         ; a t0 hs out h t 32 out 0x24 0
      PUSH1 0x40 MLOAD PUSH1 96 SHR            ; ... token
      PUSH3 100000 STATICCALL                  ; a t0 hs out h t ok      answer written at out
      ISZERO RETURNDATASIZE PUSH1 32 GT OR     ; a t0 hs out h t failed
      ISZERO @written JUMPI                    ; a t0 hs out h t
      PUSH1 0 NOT DUP4 MSTORE                  ;                         out = UNREADABLE
written:
      SWAP2 PUSH1 32 ADD SWAP2                 ; a t0 hs out+32 h t
      PUSH1 20 ADD @token JUMP                 ; a t0 hs out h t+20
next:
      POP PUSH1 20 ADD @holder JUMP            ; a t0 hs out h+20
done:
      POP PUSH1 0x60 SWAP1 SUB                 ; a t0 hs out-0x60
      PUSH1 0x60 RETURN                        ;                         answer = memory[0x60, out)
`;

const hexOf = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The scanner's creation code, hex without 0x. */
export const BALANCE_SCAN = hexOf(assemble(SCAN));

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The eth_call data that reads every token's balance of every holder (holders × tokens answers). */
export function encodeBalanceScan(tokens: readonly Address[], holders: readonly Address[]): Hex {
  if (tokens.length === 0 || tokens.length > 255) throw new RangeError(`balance scan: ${tokens.length} tokens (1 to 255)`);
  const parts: string[] = ['0x', BALANCE_SCAN, tokens.length.toString(16).padStart(2, '0')];
  for (const address of [...tokens, ...holders]) {
    if (!ADDRESS.test(address)) throw new TypeError(`not an address: ${address}`);
    parts.push(address.slice(2).toLowerCase());
  }
  return parts.join('') as Hex;
}

/**
 * The balances the scan returned, holder by holder, token by token: null where the read failed
 * (a token that reverts, is not a contract or answers under 32 bytes; a balance of 2^256 − 1
 * cannot be told from those). Throws when the answer is not `count` words.
 */
export function decodeBalanceScan(data: Hex, count: number): (bigint | null)[] {
  const hex = data.slice(2);
  if (hex.length !== count * 64 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new RangeError(`balance scan: ${hex.length / 2} bytes answered for ${count} balances`);
  }
  const out: (bigint | null)[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const balance = BigInt(`0x${hex.slice(i * 64, i * 64 + 64)}`);
    out[i] = balance === UNREADABLE ? null : balance;
  }
  return out;
}
