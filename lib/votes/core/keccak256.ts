// Keccak-256 (Ethereum's, with the original 0x01 padding, not SHA3-256's 0x06), one shot over
// bytes. A tally hashes each vote several times (EIP-712 fields, the struct, the signer's public
// key, its checksum); @noble/hashes' keccak_256 (viem's) costs ~3x this on the same machine
// because it permutes 64-bit lanes as pairs of halves through a generic loop. The permutation
// below is js-sha3's (MIT, Copyright 2015-2018 Chen, Yi-Cyuan, github.com/emn178/js-sha3):
// fully unrolled over 32-bit halves. Checked against @noble/hashes on every length 0..600 and
// random inputs (keccak256.test.ts).

// Round constants, low and high 32-bit halves of each 64-bit lane constant.
const RC = [
  1, 0, 32898, 0, 32906, 2147483648, 2147516416, 2147483648, 32907, 0, 2147483649, 0, 2147516545, 2147483648, 32777, 2147483648, 138, 0,
  136, 0, 2147516425, 0, 2147483658, 0, 2147516555, 0, 139, 2147483648, 32905, 2147483648, 32771, 2147483648, 32770, 2147483648, 128,
  2147483648, 32778, 0, 2147483658, 2147483648, 2147516545, 2147483648, 32896, 2147483648, 2147483649, 0, 2147516424, 2147483648,
];

const RATE_BYTES = 136; // 1600 - 2 * 256 bits
const state = new Array<number>(50).fill(0);

function permute(s: number[]): void {
  let h: number, l: number, n: number;
  let c0: number, c1: number, c2: number, c3: number, c4: number, c5: number, c6: number, c7: number, c8: number, c9: number;
  let b0: number, b1: number, b2: number, b3: number, b4: number, b5: number, b6: number, b7: number, b8: number, b9: number;
  let b10: number, b11: number, b12: number, b13: number, b14: number, b15: number, b16: number, b17: number, b18: number, b19: number;
  let b20: number, b21: number, b22: number, b23: number, b24: number, b25: number, b26: number, b27: number, b28: number, b29: number;
  let b30: number, b31: number, b32: number, b33: number, b34: number, b35: number, b36: number, b37: number, b38: number, b39: number;
  let b40: number, b41: number, b42: number, b43: number, b44: number, b45: number, b46: number, b47: number, b48: number, b49: number;
  for (n = 0; n < 48; n += 2) {
    c0 = s[0]! ^ s[10]! ^ s[20]! ^ s[30]! ^ s[40]!;
    c1 = s[1]! ^ s[11]! ^ s[21]! ^ s[31]! ^ s[41]!;
    c2 = s[2]! ^ s[12]! ^ s[22]! ^ s[32]! ^ s[42]!;
    c3 = s[3]! ^ s[13]! ^ s[23]! ^ s[33]! ^ s[43]!;
    c4 = s[4]! ^ s[14]! ^ s[24]! ^ s[34]! ^ s[44]!;
    c5 = s[5]! ^ s[15]! ^ s[25]! ^ s[35]! ^ s[45]!;
    c6 = s[6]! ^ s[16]! ^ s[26]! ^ s[36]! ^ s[46]!;
    c7 = s[7]! ^ s[17]! ^ s[27]! ^ s[37]! ^ s[47]!;
    c8 = s[8]! ^ s[18]! ^ s[28]! ^ s[38]! ^ s[48]!;
    c9 = s[9]! ^ s[19]! ^ s[29]! ^ s[39]! ^ s[49]!;

    h = c8 ^ ((c2 << 1) | (c3 >>> 31));
    l = c9 ^ ((c3 << 1) | (c2 >>> 31));
    s[0] = s[0]! ^ h;
    s[1] = s[1]! ^ l;
    s[10] = s[10]! ^ h;
    s[11] = s[11]! ^ l;
    s[20] = s[20]! ^ h;
    s[21] = s[21]! ^ l;
    s[30] = s[30]! ^ h;
    s[31] = s[31]! ^ l;
    s[40] = s[40]! ^ h;
    s[41] = s[41]! ^ l;
    h = c0 ^ ((c4 << 1) | (c5 >>> 31));
    l = c1 ^ ((c5 << 1) | (c4 >>> 31));
    s[2] = s[2]! ^ h;
    s[3] = s[3]! ^ l;
    s[12] = s[12]! ^ h;
    s[13] = s[13]! ^ l;
    s[22] = s[22]! ^ h;
    s[23] = s[23]! ^ l;
    s[32] = s[32]! ^ h;
    s[33] = s[33]! ^ l;
    s[42] = s[42]! ^ h;
    s[43] = s[43]! ^ l;
    h = c2 ^ ((c6 << 1) | (c7 >>> 31));
    l = c3 ^ ((c7 << 1) | (c6 >>> 31));
    s[4] = s[4]! ^ h;
    s[5] = s[5]! ^ l;
    s[14] = s[14]! ^ h;
    s[15] = s[15]! ^ l;
    s[24] = s[24]! ^ h;
    s[25] = s[25]! ^ l;
    s[34] = s[34]! ^ h;
    s[35] = s[35]! ^ l;
    s[44] = s[44]! ^ h;
    s[45] = s[45]! ^ l;
    h = c4 ^ ((c8 << 1) | (c9 >>> 31));
    l = c5 ^ ((c9 << 1) | (c8 >>> 31));
    s[6] = s[6]! ^ h;
    s[7] = s[7]! ^ l;
    s[16] = s[16]! ^ h;
    s[17] = s[17]! ^ l;
    s[26] = s[26]! ^ h;
    s[27] = s[27]! ^ l;
    s[36] = s[36]! ^ h;
    s[37] = s[37]! ^ l;
    s[46] = s[46]! ^ h;
    s[47] = s[47]! ^ l;
    h = c6 ^ ((c0 << 1) | (c1 >>> 31));
    l = c7 ^ ((c1 << 1) | (c0 >>> 31));
    s[8] = s[8]! ^ h;
    s[9] = s[9]! ^ l;
    s[18] = s[18]! ^ h;
    s[19] = s[19]! ^ l;
    s[28] = s[28]! ^ h;
    s[29] = s[29]! ^ l;
    s[38] = s[38]! ^ h;
    s[39] = s[39]! ^ l;
    s[48] = s[48]! ^ h;
    s[49] = s[49]! ^ l;

    b0 = s[0]!;
    b1 = s[1]!;
    b32 = (s[11]! << 4) | (s[10]! >>> 28);
    b33 = (s[10]! << 4) | (s[11]! >>> 28);
    b14 = (s[20]! << 3) | (s[21]! >>> 29);
    b15 = (s[21]! << 3) | (s[20]! >>> 29);
    b46 = (s[31]! << 9) | (s[30]! >>> 23);
    b47 = (s[30]! << 9) | (s[31]! >>> 23);
    b28 = (s[40]! << 18) | (s[41]! >>> 14);
    b29 = (s[41]! << 18) | (s[40]! >>> 14);
    b20 = (s[2]! << 1) | (s[3]! >>> 31);
    b21 = (s[3]! << 1) | (s[2]! >>> 31);
    b2 = (s[13]! << 12) | (s[12]! >>> 20);
    b3 = (s[12]! << 12) | (s[13]! >>> 20);
    b34 = (s[22]! << 10) | (s[23]! >>> 22);
    b35 = (s[23]! << 10) | (s[22]! >>> 22);
    b16 = (s[33]! << 13) | (s[32]! >>> 19);
    b17 = (s[32]! << 13) | (s[33]! >>> 19);
    b48 = (s[42]! << 2) | (s[43]! >>> 30);
    b49 = (s[43]! << 2) | (s[42]! >>> 30);
    b40 = (s[5]! << 30) | (s[4]! >>> 2);
    b41 = (s[4]! << 30) | (s[5]! >>> 2);
    b22 = (s[14]! << 6) | (s[15]! >>> 26);
    b23 = (s[15]! << 6) | (s[14]! >>> 26);
    b4 = (s[25]! << 11) | (s[24]! >>> 21);
    b5 = (s[24]! << 11) | (s[25]! >>> 21);
    b36 = (s[34]! << 15) | (s[35]! >>> 17);
    b37 = (s[35]! << 15) | (s[34]! >>> 17);
    b18 = (s[45]! << 29) | (s[44]! >>> 3);
    b19 = (s[44]! << 29) | (s[45]! >>> 3);
    b10 = (s[6]! << 28) | (s[7]! >>> 4);
    b11 = (s[7]! << 28) | (s[6]! >>> 4);
    b42 = (s[17]! << 23) | (s[16]! >>> 9);
    b43 = (s[16]! << 23) | (s[17]! >>> 9);
    b24 = (s[26]! << 25) | (s[27]! >>> 7);
    b25 = (s[27]! << 25) | (s[26]! >>> 7);
    b6 = (s[36]! << 21) | (s[37]! >>> 11);
    b7 = (s[37]! << 21) | (s[36]! >>> 11);
    b38 = (s[47]! << 24) | (s[46]! >>> 8);
    b39 = (s[46]! << 24) | (s[47]! >>> 8);
    b30 = (s[8]! << 27) | (s[9]! >>> 5);
    b31 = (s[9]! << 27) | (s[8]! >>> 5);
    b12 = (s[18]! << 20) | (s[19]! >>> 12);
    b13 = (s[19]! << 20) | (s[18]! >>> 12);
    b44 = (s[29]! << 7) | (s[28]! >>> 25);
    b45 = (s[28]! << 7) | (s[29]! >>> 25);
    b26 = (s[38]! << 8) | (s[39]! >>> 24);
    b27 = (s[39]! << 8) | (s[38]! >>> 24);
    b8 = (s[48]! << 14) | (s[49]! >>> 18);
    b9 = (s[49]! << 14) | (s[48]! >>> 18);

    s[0] = b0 ^ (~b2 & b4);
    s[1] = b1 ^ (~b3 & b5);
    s[10] = b10 ^ (~b12 & b14);
    s[11] = b11 ^ (~b13 & b15);
    s[20] = b20 ^ (~b22 & b24);
    s[21] = b21 ^ (~b23 & b25);
    s[30] = b30 ^ (~b32 & b34);
    s[31] = b31 ^ (~b33 & b35);
    s[40] = b40 ^ (~b42 & b44);
    s[41] = b41 ^ (~b43 & b45);
    s[2] = b2 ^ (~b4 & b6);
    s[3] = b3 ^ (~b5 & b7);
    s[12] = b12 ^ (~b14 & b16);
    s[13] = b13 ^ (~b15 & b17);
    s[22] = b22 ^ (~b24 & b26);
    s[23] = b23 ^ (~b25 & b27);
    s[32] = b32 ^ (~b34 & b36);
    s[33] = b33 ^ (~b35 & b37);
    s[42] = b42 ^ (~b44 & b46);
    s[43] = b43 ^ (~b45 & b47);
    s[4] = b4 ^ (~b6 & b8);
    s[5] = b5 ^ (~b7 & b9);
    s[14] = b14 ^ (~b16 & b18);
    s[15] = b15 ^ (~b17 & b19);
    s[24] = b24 ^ (~b26 & b28);
    s[25] = b25 ^ (~b27 & b29);
    s[34] = b34 ^ (~b36 & b38);
    s[35] = b35 ^ (~b37 & b39);
    s[44] = b44 ^ (~b46 & b48);
    s[45] = b45 ^ (~b47 & b49);
    s[6] = b6 ^ (~b8 & b0);
    s[7] = b7 ^ (~b9 & b1);
    s[16] = b16 ^ (~b18 & b10);
    s[17] = b17 ^ (~b19 & b11);
    s[26] = b26 ^ (~b28 & b20);
    s[27] = b27 ^ (~b29 & b21);
    s[36] = b36 ^ (~b38 & b30);
    s[37] = b37 ^ (~b39 & b31);
    s[46] = b46 ^ (~b48 & b40);
    s[47] = b47 ^ (~b49 & b41);
    s[8] = b8 ^ (~b0 & b2);
    s[9] = b9 ^ (~b1 & b3);
    s[18] = b18 ^ (~b10 & b12);
    s[19] = b19 ^ (~b11 & b13);
    s[28] = b28 ^ (~b20 & b22);
    s[29] = b29 ^ (~b21 & b23);
    s[38] = b38 ^ (~b30 & b32);
    s[39] = b39 ^ (~b31 & b33);
    s[48] = b48 ^ (~b40 & b42);
    s[49] = b49 ^ (~b41 & b43);

    s[0] = s[0]! ^ RC[n]!;
    s[1] = s[1]! ^ RC[n + 1]!;
  }
}

/** Keccak-256 of `input`, 32 bytes. */
export function keccak256Bytes(input: Uint8Array): Uint8Array {
  const s = state;
  s.fill(0);
  const length = input.length;
  let at = 0;
  // Whole blocks, then the last (possibly empty) one padded with 0x01 ... 0x80.
  for (;;) {
    const take = Math.min(RATE_BYTES, length - at);
    if (take === RATE_BYTES) {
      for (let w = 0; w < RATE_BYTES / 4; w++) {
        const i = at + 4 * w;
        s[w]! ^= input[i]! | (input[i + 1]! << 8) | (input[i + 2]! << 16) | (input[i + 3]! << 24);
      }
      permute(s);
      at += RATE_BYTES;
      continue;
    }
    for (let k = 0; k < take; k++) s[k >> 2]! ^= input[at + k]! << ((k & 3) << 3);
    s[take >> 2]! ^= 0x01 << ((take & 3) << 3);
    s[(RATE_BYTES - 1) >> 2]! ^= 0x80 << 24;
    permute(s);
    break;
  }
  const out = new Uint8Array(32);
  for (let w = 0; w < 8; w++) {
    const v = s[w]!;
    out[4 * w] = v & 0xff;
    out[4 * w + 1] = (v >>> 8) & 0xff;
    out[4 * w + 2] = (v >>> 16) & 0xff;
    out[4 * w + 3] = v >>> 24;
  }
  return out;
}

const HEX = '0123456789abcdef';
const ASCII = new Uint8Array(40);

/**
 * EIP-55 spelling of a 20-byte address given as 40 lower-case hex digits (viem's checksumAddress
 * with this keccak: the digit is upper-case where the hash of the lower-case text has a nibble ≥ 8).
 */
export function checksumLowerHex(lower40: string): `0x${string}` {
  for (let i = 0; i < 40; i++) ASCII[i] = lower40.charCodeAt(i);
  const hash = keccak256Bytes(ASCII);
  let out = '';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i & 1 ? 0 : 4)) & 0x0f;
    const c = lower40[i]!;
    out += nibble >= 8 && c > '9' ? c.toUpperCase() : c;
  }
  return `0x${out}`;
}

/** Lower-case hex of bytes, without the 0x. */
export function toHexDigits(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 0x0f]!;
  return out;
}
