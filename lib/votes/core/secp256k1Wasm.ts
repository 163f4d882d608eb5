import type { Address, Hex } from 'viem';
import { checksumLowerHex, keccak256Bytes, toHexDigits } from './keccak256';

// Signer recovery through libsecp256k1 compiled to WebAssembly: the binary of `tiny-secp256k1`
// (bitcoinjs; rust-secp256k1 over Bitcoin Core's libsecp256k1, audited and kept up to date),
// instantiated here rather than through the package's own loader, which needs a bundler plugin
// for ES-module WebAssembly. Pure: the caller hands the bytes in (fetched in the extension, read
// from disk in Node). About ten times faster than recovery in JavaScript, and the same answers:
// every rule viem's recoverAddress applies is applied here (secp256k1Wasm.test.ts).

interface Secp256k1Exports {
  memory: WebAssembly.Memory;
  HASH_INPUT: WebAssembly.Global;
  SIGNATURE_INPUT: WebAssembly.Global;
  PUBLIC_KEY_INPUT: WebAssembly.Global;
  recover(outputLength: number, recoveryId: number): number;
}

/** Recovers the address that signed a 32-byte hash; throws where viem's recoverAddress throws. */
export type SignerRecoverer = (hash: Hex, signature: Hex) => Address;

const imports = {
  './rand.js': {
    // Only seeds the context's blinding for signing; recovery never uses it.
    generateInt32: () => crypto.getRandomValues(new Int32Array(1))[0]!,
  },
  './validate_error.js': {
    throwError: (code: number) => {
      throw new TypeError(`libsecp256k1 rejected its input (code ${code})`);
    },
  },
};

export async function instantiateSecp256k1(wasm: BufferSource | WebAssembly.Module): Promise<SignerRecoverer> {
  const instance =
    wasm instanceof WebAssembly.Module
      ? await WebAssembly.instantiate(wasm, imports)
      : (await WebAssembly.instantiate(wasm, imports)).instance;
  return signerRecoverer(secp256k1Exports(instance.exports));
}

/** The module's exports, each checked for what it must be. */
function secp256k1Exports(exports: WebAssembly.Exports): Secp256k1Exports {
  const { memory, HASH_INPUT, SIGNATURE_INPUT, PUBLIC_KEY_INPUT, recover } = exports;
  const isGlobal = (g: unknown): g is WebAssembly.Global => g instanceof WebAssembly.Global;
  if (
    !(memory instanceof WebAssembly.Memory) ||
    !isGlobal(HASH_INPUT) ||
    !isGlobal(SIGNATURE_INPUT) ||
    !isGlobal(PUBLIC_KEY_INPUT) ||
    typeof recover !== 'function'
  ) {
    throw new TypeError('The libsecp256k1 module does not export what recovery needs.');
  }
  return {
    memory,
    HASH_INPUT,
    SIGNATURE_INPUT,
    PUBLIC_KEY_INPUT,
    recover: (outputLength, recoveryId) => Number(recover(outputLength, recoveryId)),
  };
}

// secp256k1's group order n, big-endian.
const N = hexToBytes('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141');
const UNCOMPRESSED = 65;

function signerRecoverer(wasm: Secp256k1Exports): SignerRecoverer {
  const view = (global: WebAssembly.Global, length: number) => new Uint8Array(wasm.memory.buffer, Number(global.value), length);
  return (hash, signature) => {
    // viem: a 65-byte hex signature r ‖ s ‖ v, v in {0, 1, 27, 28}; r and s in [1, n-1]; no low-s rule.
    if (Math.ceil((signature.length - 2) / 2) !== 65) throw new Error('invalid signature length');
    const recoveryId = toRecoveryBit(parseInt(signature.slice(130), 16));
    const rs = hexToBytes(`0x${signature.slice(2, 130)}`);
    if (rs.length !== 64 || !inRange(rs.subarray(0, 32)) || !inRange(rs.subarray(32)))
      throw new Error('invalid signature: r or s out of range');
    const h = hexToBytes(hash);
    if (h.length !== 32) throw new Error('invalid hash length');
    // Views are taken per call: memory.buffer changes if the module ever grows its memory.
    const hashIn = view(wasm.HASH_INPUT, 32);
    const sigIn = view(wasm.SIGNATURE_INPUT, 64);
    const keyOut = view(wasm.PUBLIC_KEY_INPUT, UNCOMPRESSED);
    try {
      hashIn.set(h);
      sigIn.set(rs);
      if (wasm.recover(UNCOMPRESSED, recoveryId) !== 1) throw new Error('no public key recovers from this signature');
      // The address: last 20 bytes of keccak256 of the key without its 0x04 prefix, EIP-55 spelled.
      return checksumLowerHex(toHexDigits(keccak256Bytes(keyOut.subarray(1)).subarray(12)));
    } finally {
      hashIn.fill(0);
      sigIn.fill(0);
      keyOut.fill(0);
    }
  };
}

function toRecoveryBit(v: number): 0 | 1 {
  if (v === 0 || v === 27) return 0;
  if (v === 1 || v === 28) return 1;
  throw new Error('Invalid yParityOrV value');
}

/** 1 ≤ x < n, big-endian 32 bytes. */
function inRange(x: Uint8Array): boolean {
  if (x.every((b) => b === 0)) return false;
  for (let i = 0; i < 32; i++) if (x[i] !== N[i]) return x[i]! < N[i]!;
  return false;
}

/** A hex digit's value, or -1: char codes, not parseInt over slices (two per byte of every vote). */
function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

function hexToBytes(hex: Hex): Uint8Array {
  const out = new Uint8Array((hex.length - 2) >> 1);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(hex.charCodeAt(2 + 2 * i));
    const lo = nibble(hex.charCodeAt(3 + 2 * i));
    if (hi < 0 || lo < 0) throw new Error('invalid hex');
    out[i] = (hi << 4) | lo;
  }
  return out;
}
