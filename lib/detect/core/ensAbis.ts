import { parseAbi } from 'viem';

/** The parts of ENS the on-chain confirmation reads (ENSRegistry, PublicResolver) and of the token. */
export const ensRegistryAbi = parseAbi(['function resolver(bytes32 node) view returns (address)']);
export const ensResolverAbi = parseAbi([
  'function name(bytes32 node) view returns (string)',
  'function addr(bytes32 node) view returns (address)',
  'function text(bytes32 node, string key) view returns (string)',
]);
/** Ownable tokens expose owner(); creator coins such as Zora's expose payoutRecipient(). */
export const tokenControllerAbi = parseAbi([
  'function owner() view returns (address)',
  'function payoutRecipient() view returns (address)',
]);
