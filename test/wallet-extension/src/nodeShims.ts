// Injected by esbuild wherever a bundled module uses the Node globals `Buffer` or `process`
// (MetaMask's stream packages do); the browser has neither.
import { Buffer } from 'buffer';
import process from 'process';

export { Buffer, process };
