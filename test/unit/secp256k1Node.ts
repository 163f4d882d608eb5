import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { instantiateSecp256k1, type SignerRecoverer } from '../../lib/votes/core/secp256k1Wasm';

// The WebAssembly libsecp256k1 in Node (unit tests, bench workers): the same binary the extension
// fetches, read from tiny-secp256k1's package (its entry is lib/cjs/index.cjs; the binary is in lib/).

export function secp256k1WasmBytes(): Uint8Array {
  const entry = createRequire(import.meta.url).resolve('tiny-secp256k1');
  return readFileSync(join(dirname(entry), '..', 'secp256k1.wasm'));
}

let recoverer: Promise<SignerRecoverer> | undefined;
export const loadSecp256k1Node = (): Promise<SignerRecoverer> => (recoverer ??= instantiateSecp256k1(secp256k1WasmBytes()));
