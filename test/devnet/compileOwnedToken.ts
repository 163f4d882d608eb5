import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Compiles contracts/OwnedCreatorToken.sol with the solc that npm ships (0.4.26) and writes the
// artifact the devnet deploys. Run again after changing the source: `npx tsx test/devnet/compileOwnedToken.ts`.

const require = createRequire(import.meta.url);
const solc = require('solc') as {
  compile(
    input: { sources: Record<string, string> },
    optimize: number,
  ): { contracts: Record<string, { bytecode: string; interface: string }>; errors?: string[] };
};

const source = readFileSync(fileURLToPath(new URL('./contracts/OwnedCreatorToken.sol', import.meta.url)), 'utf8');
const output = solc.compile({ sources: { 'OwnedCreatorToken.sol': source } }, 1);
const problems = (output.errors ?? []).filter((e) => !/Warning/.test(e));
if (problems.length) throw new Error(problems.join('\n'));
const contract = output.contracts['OwnedCreatorToken.sol:OwnedCreatorToken'];
if (!contract) throw new Error('solc produced no OwnedCreatorToken');
writeFileSync(
  fileURLToPath(new URL('./contracts/OwnedCreatorToken.json', import.meta.url)),
  `${JSON.stringify({ contractName: 'OwnedCreatorToken', compiler: 'solc 0.4.26 (npm), optimizer on', abi: JSON.parse(contract.interface), bytecode: `0x${contract.bytecode}` }, null, 1)}\n`,
);
