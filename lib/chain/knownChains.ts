import { DEVNET_CHAINS } from './devnet';
import { ETHEREUM_MAINNET } from './mainnet';
import type { ChainConfig } from './types';

/** The chains this build can read. Devnet chains exist only in `--mode devnet` builds. */
export function knownChains(mode: string = import.meta.env.MODE): ChainConfig[] {
  return mode === 'devnet' || mode === 'test' ? [ETHEREUM_MAINNET, ...DEVNET_CHAINS] : [ETHEREUM_MAINNET];
}

export function chainById(chainId: number, mode?: string): ChainConfig | undefined {
  return knownChains(mode).find((chain) => chain.chainId === chainId);
}
