import { parseAbi } from 'viem';

/** Uniswap's MerkleDistributor (IMerkleDistributor), the functions the companion reads and calls. */
export const merkleDistributorAbi = parseAbi([
  'function token() view returns (address)',
  'function merkleRoot() view returns (bytes32)',
  'function isClaimed(uint256 index) view returns (bool)',
  'function claim(uint256 index, address account, uint256 amount, bytes32[] merkleProof)',
  'event Claimed(uint256 index, address account, uint256 amount)',
]);
