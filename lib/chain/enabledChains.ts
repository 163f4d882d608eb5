import { knownChains } from './knownChains';
import type { ChainConfig } from './types';

export interface EnabledChain {
  chain: ChainConfig;
  /** The holder's endpoints for this chain, or undefined for the chain's defaults. */
  rpcUrls: string[] | undefined;
}

/**
 * The chains to read, in the order settings show them: every chain this build knows, minus the
 * ones the holder turned off. Pair with `clientFor(chain, rpcUrls)` to read one.
 */
export function enabledChains(settings: { disabledChains: readonly number[]; rpcUrls: Record<string, string[]> }): EnabledChain[] {
  const off = new Set(settings.disabledChains);
  return knownChains()
    .filter((chain) => !off.has(chain.chainId))
    .map((chain) => ({ chain, rpcUrls: settings.rpcUrls[chain.chainId] }));
}

export function isChainEnabled(settings: { disabledChains: readonly number[] }, chainId: number): boolean {
  return !settings.disabledChains.includes(chainId);
}
