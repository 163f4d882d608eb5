import { DEVNET_CHAINS } from '@/lib/chain/devnet';
import { RELEASE_CHAINS } from '@/lib/chain/releaseChains';

/**
 * What the release build does with a token's chain, in words a creator acts on: the chain's name
 * when it is read, and a plain warning when it is not (holders would see no balance or price).
 */
export function chainSupport(chainId: number): { label: string; warning: string | null } {
  const release = RELEASE_CHAINS.find((c) => c.chainId === chainId);
  if (release) return { label: `${release.name}, chain ${chainId}`, warning: null };
  if (DEVNET_CHAINS.some((c) => c.chainId === chainId))
    return { label: `chain ${chainId}, a local devnet read by devnet builds only`, warning: null };
  const names = RELEASE_CHAINS.map((c) => `${c.name} (${c.chainId})`).join(', ');
  return {
    label: `chain ${chainId}`,
    warning: `! chain ${chainId} is not one this extension reads (it reads ${names}): holders will see no balance or price for this token`,
  };
}
