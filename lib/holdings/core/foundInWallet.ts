import type { DiscoveryRow } from '@/lib/db/rows';
import { byValueThenName } from './discoveryPlan';
import type { HoldingView } from './holdingView';

export interface FoundToken {
  tokenId: string;
  name: string;
  symbol: string;
  decimals: number;
  balance: bigint;
  valueUsdE18: bigint | null;
  valueWei: bigint | null;
  listName: string;
}

/**
 * The listed tokens found in the wallet that the holder does not follow yet, with the value of
 * the latest reading (the found balance until one exists), most valuable first.
 */
export function foundInWallet(
  discoveries: DiscoveryRow[],
  followed: ReadonlySet<string>,
  views: ReadonlyMap<string, HoldingView>,
): FoundToken[] {
  return discoveries
    .filter((d) => !followed.has(d.tokenId))
    .map((d): FoundToken => {
      const view = views.get(d.tokenId);
      return {
        tokenId: d.tokenId,
        name: d.name,
        symbol: view?.symbol && view.symbol !== '???' ? view.symbol : d.symbol,
        decimals: view?.decimals ?? d.decimals,
        balance: view?.balance ?? BigInt(d.balance),
        valueUsdE18: view?.valueUsdE18 ?? null,
        valueWei: view?.valueWei ?? null,
        listName: d.listName,
      };
    })
    .sort(byValueThenName);
}
