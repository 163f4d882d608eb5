import { createRequire } from 'node:module';
import {
  encodeDeployData,
  encodeFunctionData,
  getContractAddress,
  labelhash,
  namehash,
  parseAbi,
  parseEther,
  zeroHash,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { DEVNET_ENS } from '../../lib/detect/core/ensDevnet';
import { ANVIL_ACCOUNTS } from './accounts';
import { devnetClient, sendInOrder, type DevnetClient, type DevnetTx } from './client';
import { deployTestErc20 } from './deployChain';

// ENS on chain A, from the npm artifacts (ENSRegistry from @ensdomains/ens, PublicResolver from
// @ensdomains/resolver), deployed by an address of its own that anvil impersonates, so no other
// deployer's nonces (and so no documented address) move. The deployer keeps `addr.reverse` and
// writes reverse records through the registry, as the ReverseRegistrar would for each owner.

const require = createRequire(import.meta.url);
const bytecodeOf = (path: string): Hex => (require(path) as { bytecode: Hex }).bytecode;

export const ENS_BYTECODE = {
  registry: bytecodeOf('@ensdomains/ens/build/contracts/ENSRegistry.json'),
  publicResolver: bytecodeOf('@ensdomains/resolver/build/contracts/PublicResolver.json'),
  ownedToken: bytecodeOf('./contracts/OwnedCreatorToken.json'),
} as const;

export const ensWriteAbi = parseAbi([
  'function setSubnodeOwner(bytes32 node, bytes32 label, address owner) returns (bytes32)',
  'function setSubnodeRecord(bytes32 node, bytes32 label, address owner, address resolver, uint64 ttl)',
  'function setAddr(bytes32 node, address a)',
  'function setText(bytes32 node, string key, string value)',
  'function setName(bytes32 node, string name)',
  'constructor(address ens)',
]);
export const ownedTokenAbi = parseAbi([
  'constructor(string name, string symbol, uint256 supply, address owner)',
  'function owner() view returns (address)',
]);

const UNIT = 10n ** 18n;
export const ALEX_ENS = { name: 'alex.eth', owner: ANVIL_ACCOUNTS[0].address as Address, url: 'http://localhost:4101' } as const;
export const LOOKALIKE_ENS = { name: 'alexmasmej.eth', owner: DEVNET_ENS.lookalikeOwner as Address, url: 'http://localhost:4101' } as const;

export const deployOwnedToken = (name: string, symbol: string, owner: Address) =>
  encodeDeployData({ abi: ownedTokenAbi, bytecode: ENS_BYTECODE.ownedToken, args: [name, symbol, 1_000_000n * UNIT, owner] });

/** Transactions that give `name` (under .eth) an address and a url, owned by the ENS deployer. */
export function nameTxs(name: string, addr: Address | null, url: string | null): DevnetTx[] {
  const [label, tld] = name.split('.');
  if (!label || tld !== 'eth') throw new Error(`Devnet ENS names are <label>.eth, not ${name}`);
  const node = namehash(name);
  const r = DEVNET_ENS.publicResolver;
  return [
    {
      label: `${name}: record`,
      to: DEVNET_ENS.registry,
      data: encodeFunctionData({
        abi: ensWriteAbi,
        functionName: 'setSubnodeRecord',
        args: [namehash('eth'), labelhash(label), DEVNET_ENS.deployer, r, 0n],
      }),
    },
    ...(addr
      ? [{ label: `${name}: addr`, to: r, data: encodeFunctionData({ abi: ensWriteAbi, functionName: 'setAddr', args: [node, addr] }) }]
      : []),
    ...(url !== null
      ? [
          {
            label: `${name}: url`,
            to: r,
            data: encodeFunctionData({ abi: ensWriteAbi, functionName: 'setText', args: [node, 'url', url] }),
          },
        ]
      : []),
  ];
}

/** Transactions that set `owner`'s reverse record (its ENS primary name) to `name`. */
export function reverseTxs(owner: Address, name: string): DevnetTx[] {
  const label = owner.slice(2).toLowerCase();
  const node = namehash(`${label}.addr.reverse`);
  return [
    {
      label: `${owner}.addr.reverse: record`,
      to: DEVNET_ENS.registry,
      data: encodeFunctionData({
        abi: ensWriteAbi,
        functionName: 'setSubnodeRecord',
        args: [namehash('addr.reverse'), labelhash(label), DEVNET_ENS.deployer, DEVNET_ENS.publicResolver, 0n],
      }),
    },
    {
      label: `${owner}.addr.reverse: name`,
      to: DEVNET_ENS.publicResolver,
      data: encodeFunctionData({ abi: ensWriteAbi, functionName: 'setName', args: [node, name] }),
    },
  ];
}

/** Sends `txs` from the ENS deployer at its next nonce (tests add names of their own this way). */
export async function sendAsEnsDeployer(client: DevnetClient, txs: DevnetTx[]): Promise<TransactionReceipt[]> {
  const nonce = await client.getTransactionCount({ address: DEVNET_ENS.deployer, blockTag: 'pending' });
  return asEnsDeployer(client, () => sendInOrder(client, DEVNET_ENS.deployer, nonce, txs));
}

/** Impersonated only while it sends: anvil would otherwise list it among its unlocked accounts. */
async function asEnsDeployer<T>(client: DevnetClient, send: () => Promise<T>): Promise<T> {
  await client.impersonateAccount({ address: DEVNET_ENS.deployer });
  try {
    return await send();
  } finally {
    await client.stopImpersonatingAccount({ address: DEVNET_ENS.deployer });
  }
}

/** The contracts at nonces 0..7, then names: alex.eth (confirms Alex's coin on Alex's site) and the lookalike's. */
export async function deployDevnetEns(rpcUrl: string): Promise<void> {
  const client = devnetClient(rpcUrl);
  const d = DEVNET_ENS.deployer;
  await client.setBalance({ address: d, value: parseEther('100') });
  const sub = (node: Hex, label: string) =>
    encodeFunctionData({ abi: ensWriteAbi, functionName: 'setSubnodeOwner', args: [node, labelhash(label), d] });
  await asEnsDeployer(client, () =>
    sendInOrder(client, d, 0, [
      { label: 'deploy ENSRegistry', data: ENS_BYTECODE.registry }, // 0
      {
        label: 'deploy PublicResolver(registry)',
        data: encodeDeployData({ abi: ensWriteAbi, bytecode: ENS_BYTECODE.publicResolver, args: [DEVNET_ENS.registry] }),
      }, // 1
      { label: 'eth', to: DEVNET_ENS.registry, data: sub(zeroHash, 'eth') }, // 2
      { label: 'reverse', to: DEVNET_ENS.registry, data: sub(zeroHash, 'reverse') }, // 3
      { label: 'addr.reverse', to: DEVNET_ENS.registry, data: sub(namehash('reverse'), 'addr') }, // 4
      { label: 'deploy MASMEJ (owner: Alex)', data: deployOwnedToken('Alex Masmej Coin', 'MASMEJ', ALEX_ENS.owner) }, // 5
      { label: 'deploy lookalike ALEX (owner: lookalike)', data: deployOwnedToken('Alex Masmej', 'ALEX', LOOKALIKE_ENS.owner) }, // 6
      { label: 'deploy NOOWNER (no owner())', data: deployTestErc20('No Owner Coin', 'NOOWNER', 1_000_000n * UNIT) }, // 7
      ...nameTxs(ALEX_ENS.name, ALEX_ENS.owner, ALEX_ENS.url),
      ...reverseTxs(ALEX_ENS.owner, ALEX_ENS.name),
      ...nameTxs(LOOKALIKE_ENS.name, LOOKALIKE_ENS.owner, LOOKALIKE_ENS.url),
      ...reverseTxs(LOOKALIKE_ENS.owner, LOOKALIKE_ENS.name),
    ]),
  );
  const expected = { registry: 0, publicResolver: 1, alexCoin: 5, lookalikeToken: 6, noOwnerToken: 7 } as const;
  for (const [key, nonce] of Object.entries(expected)) {
    const at = getContractAddress({ from: d, nonce: BigInt(nonce) });
    if (at !== DEVNET_ENS[key as keyof typeof expected])
      throw new Error(`Devnet ENS: ${key} is at ${at}, lib/detect/core/ensDevnet.ts says ${DEVNET_ENS[key as keyof typeof expected]}`);
    if (!(await client.getCode({ address: at }))) throw new Error(`Devnet ENS: no code at ${key} ${at}`);
  }
}
