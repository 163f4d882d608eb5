import type { Address } from 'viem';
import { DEVNET_ENS } from '@/lib/detect/core/ensDevnet';
import { chainById } from '@/lib/chain/knownChains';
import { ETHEREUM_MAINNET } from '@/lib/chain/mainnet';
import type { ChainConfig } from '@/lib/chain/types';

/** Where ENS lives: the chain whose RPC the ENS reads go through, and its registry. */
export interface EnsDeployment {
  chain: ChainConfig;
  registry: Address;
}

/** ENS on Ethereum: the registry (with fallback) every ENS client starts from. */
export const MAINNET_ENS: EnsDeployment = { chain: ETHEREUM_MAINNET, registry: '0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e' };

export function ensDeployment(): EnsDeployment {
  if (import.meta.env.MODE === 'devnet' || import.meta.env.MODE === 'test') {
    const chain = chainById(DEVNET_ENS.chainId);
    if (chain) return { chain, registry: DEVNET_ENS.registry };
  }
  return MAINNET_ENS;
}
