import { DEVNET_CHAINS } from './devnet';
import { RELEASE_CHAINS } from './releaseChains';
import type { ChainConfig } from './types';

// Decided at build time: a release bundle does not even contain the devnet chains, since the
// condition folds to a constant and the unused branch is dropped. Tests run in mode "test".
const CHAINS: ChainConfig[] =
  import.meta.env.MODE === 'devnet' || import.meta.env.MODE === 'test' ? [...RELEASE_CHAINS, ...DEVNET_CHAINS] : RELEASE_CHAINS;

/** The chains this build can read. */
export function knownChains(): ChainConfig[] {
  return CHAINS;
}

export function chainById(chainId: number): ChainConfig | undefined {
  return CHAINS.find((chain) => chain.chainId === chainId);
}
