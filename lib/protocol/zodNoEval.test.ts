import { afterEach, expect, test } from 'vitest';
import { z } from 'zod';
import { fullManifest } from './testManifests';

// MV3 extension pages forbid eval and `new Function`. Record every use of the global Function
// constructor while our schemas parse: there must be none.
const RealFunction = globalThis.Function;
const constructed: unknown[][] = [];
globalThis.Function = new Proxy(RealFunction, {
  construct(target, args, newTarget) {
    constructed.push(args);
    return Reflect.construct(target, args, newTarget) as object;
  },
  apply(target, thisArg, args) {
    constructed.push(args);
    return Reflect.apply(target, thisArg, args) as unknown;
  },
});
afterEach(() => {
  constructed.length = 0;
});

test('validating manifests and token lists never builds code at run time', async () => {
  const { validateManifest } = await import('./validateManifest');
  const { parseTokenList } = await import('../detect/core/tokenListSchema');
  const devnet = (await import('../detect/lists/devnet.tokenlist.json')).default;
  for (let i = 0; i < 3; i++) {
    expect(validateManifest(JSON.stringify(fullManifest())).ok).toBe(true);
    expect(validateManifest({ nonsense: true }).ok).toBe(false);
    expect(parseTokenList(devnet).ok).toBe(true);
  }
  expect(z.config().jitless).toBe(true);
  expect(constructed).toEqual([]);
});

test('control: the recorder does see zod compile when jitless is off', () => {
  z.config({ jitless: false });
  try {
    const schema = z.object({ a: z.string() });
    schema.parse({ a: 'x' });
    expect(constructed.length).toBeGreaterThan(0);
  } finally {
    z.config({ jitless: true });
  }
});
