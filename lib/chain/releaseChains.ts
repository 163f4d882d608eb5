import { ARBITRUM_ONE, BASE, OPTIMISM } from './l2Chains';
import { ETHEREUM_MAINNET } from './mainnet';
import type { ChainConfig } from './types';

/** The chains a release build reads, in the order settings show them. */
export const RELEASE_CHAINS: ChainConfig[] = [ETHEREUM_MAINNET, BASE, OPTIMISM, ARBITRUM_ONE];
