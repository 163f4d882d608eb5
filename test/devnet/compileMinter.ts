import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Compiles contracts/DevnetV3Minter.sol with the solc-js in node_modules; returns its creation code. */
export function compileDevnetV3Minter(): `0x${string}` {
  const require = createRequire(import.meta.url);
  const solc = require('solc') as { compileStandardWrapper(input: string): string };
  const source = readFileSync(fileURLToPath(new URL('./contracts/DevnetV3Minter.sol', import.meta.url)), 'utf8');
  const input = {
    language: 'Solidity',
    sources: { 'DevnetV3Minter.sol': { content: source } },
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['evm.bytecode.object'] } } },
  };
  const output = JSON.parse(solc.compileStandardWrapper(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const object = output.contracts['DevnetV3Minter.sol']?.DevnetV3Minter?.evm.bytecode.object;
  if (!object) throw new Error('solc returned no bytecode for DevnetV3Minter');
  return `0x${object}`;
}
