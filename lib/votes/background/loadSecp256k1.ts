import { instantiateSecp256k1, type SignerRecoverer } from '@/lib/votes/core/secp256k1Wasm';
import { SECP256K1_WASM } from '@/lib/votes/secp256k1File';

// The WebAssembly libsecp256k1, fetched from the extension's own files on the first tally and
// kept while the context lives. Needs 'wasm-unsafe-eval' in the extension pages' CSP (wxt.config.ts).

let loading: Promise<SignerRecoverer> | undefined;

export function loadSecp256k1(): Promise<SignerRecoverer> {
  loading ??= fetch(SECP256K1_WASM)
    .then((response) => {
      if (!response.ok) throw new Error(`${SECP256K1_WASM} answered ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) => instantiateSecp256k1(bytes))
    .catch((error: unknown) => {
      loading = undefined; // a later tally tries again
      throw error;
    });
  return loading;
}
