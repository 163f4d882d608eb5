import { concat, encodePacked, keccak256, type Address, type Hex } from 'viem';

// The hashing of Uniswap's merkle-distributor (src/balance-tree.ts, src/merkle-tree.ts and
// OpenZeppelin's MerkleProof.verify, which the deployed contract runs): a leaf is
// keccak256(abi.encodePacked(uint256 index, address account, uint256 amount)); a parent is the
// keccak256 of its two children sorted as bytes, so a proof needs no left/right flags.

export function claimLeaf(index: number | bigint, account: Address, amount: bigint): Hex {
  return keccak256(encodePacked(['uint256', 'address', 'uint256'], [BigInt(index), account, amount]));
}

/** Both are 32-byte lowercase-or-mixed hex; comparing lowercased text compares the bytes. */
export function hashPair(a: Hex, b: Hex): Hex {
  return a.toLowerCase() <= b.toLowerCase() ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

/** The root a proof leads to from a leaf, exactly as MerkleProof.verify computes it on chain. */
export function processProof(leaf: Hex, proof: readonly Hex[]): Hex {
  return proof.reduce<Hex>((node, sibling) => hashPair(node, sibling), leaf);
}
