import { expect, test } from 'vitest';
import { compileDevnetV3Minter } from '../devnet/compileMinter';
import { DEVNET_V3_MINTER_BYTECODE } from '../devnet/v3Minter';

test('the committed V3 minter bytecode is what its Solidity source compiles to', () => {
  expect(compileDevnetV3Minter()).toBe(DEVNET_V3_MINTER_BYTECODE);
}, 30_000);
