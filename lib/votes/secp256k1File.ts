/** Where the build puts libsecp256k1's WebAssembly binary (wxt.config.ts), from the extension's root. */
export const SECP256K1_WASM = '/secp256k1.wasm';
