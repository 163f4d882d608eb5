import { getAddress, type Address, type Hex } from 'viem';
import type { ClaimsFile } from '../../lib/income/core/claimsFile';
import { claimLeaf, hashPair } from '../../lib/income/core/merkle';

// Builds claims files exactly as Uniswap's merkle-distributor does (src/parse-balance-map.ts):
// accounts checksummed and sorted as strings, index = position in that order, leaves sorted and
// de-duplicated as bytes, an odd node out is carried up unhashed, amounts as ethers'
// BigNumber.toHexString() writes them (0x, even number of digits).

export function toEvenHex(value: bigint): Hex {
  const digits = value.toString(16);
  return `0x${digits.length % 2 ? `0${digits}` : digits}`;
}

function layersOf(leaves: Hex[]): Hex[][] {
  const sorted = [...new Set(leaves.map((l) => l.toLowerCase() as Hex))].sort();
  const layers = [sorted];
  while (layers.at(-1)!.length > 1) {
    const below = layers.at(-1)!;
    const next: Hex[] = [];
    for (let i = 0; i < below.length; i += 2) next.push(i + 1 < below.length ? hashPair(below[i]!, below[i + 1]!) : below[i]!);
    layers.push(next);
  }
  return layers;
}

function proofOf(layers: Hex[][], position: Map<Hex, number>, leaf: Hex): Hex[] {
  let index = position.get(leaf.toLowerCase() as Hex) ?? -1;
  if (index < 0) throw new Error(`Leaf ${leaf} is not in the tree`);
  const proof: Hex[] = [];
  for (const layer of layers.slice(0, -1)) {
    const sibling = index % 2 === 0 ? index + 1 : index - 1;
    if (sibling < layer.length) proof.push(layer[sibling]!);
    index = Math.floor(index / 2);
  }
  return proof;
}

/** A claims file from a balance map; positive amounts only, as Uniswap's script requires. */
export function buildClaimsFile(balances: Record<Address, bigint>): ClaimsFile {
  const byAccount = new Map<Address, bigint>();
  for (const [account, amount] of Object.entries(balances)) {
    const checksummed = getAddress(account);
    if (byAccount.has(checksummed)) throw new Error(`Duplicate address: ${checksummed}`);
    if (amount <= 0n) throw new Error(`Invalid amount for account: ${checksummed}`);
    byAccount.set(checksummed, amount);
  }
  const accounts = [...byAccount.keys()].sort();
  if (accounts.length === 0) throw new Error('A claims file needs at least one account');
  const leaves = accounts.map((account, index) => claimLeaf(index, account, byAccount.get(account)!));
  const layers = layersOf(leaves);
  const position = new Map(layers[0]!.map((leaf, i) => [leaf, i]));
  const claims: ClaimsFile['claims'] = {};
  accounts.forEach((account, index) => {
    claims[account] = { index, amount: toEvenHex(byAccount.get(account)!), proof: proofOf(layers, position, leaves[index]!) };
  });
  const total = accounts.reduce((sum, a) => sum + byAccount.get(a)!, 0n);
  return { merkleRoot: layers.at(-1)![0]!, tokenTotal: toEvenHex(total), claims };
}
