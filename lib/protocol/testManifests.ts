import example from './examples/personal-token.json';
import type { PersonalTokenManifestInput } from './manifestSchema';

/** A fresh, valid, fully populated manifest (the example file) that a test may mutate. */
export function fullManifest(): PersonalTokenManifestInput & Record<string, unknown> {
  return structuredClone(example) as PersonalTokenManifestInput & Record<string, unknown>;
}

export const ALEX_TOKEN = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
export const PAIR = '0xDde0cce78631444334ec932CF786E277A4d7333B';

export function minimalManifest(): Record<string, unknown> {
  return { version: 1, token: ALEX_TOKEN, creator: { name: 'Alex Masmej', url: 'https://alex.example/' } };
}
