import type { IncomeRow } from '@/lib/db/rows';
import type { HoldingView } from './holdingView';
import { valueInWei } from './valuation';

/**
 * Income waiting to be claimed across creators, in USD ×1e18 and in wei: rounds paid in the creator's own
 * token, valued at that creator's price. Rounds paid in other tokens are counted apart (they have
 * no price here) so the total never pretends to cover them.
 */
export function claimableAcrossCreators(
  income: IncomeRow[],
  views: Map<string, HoldingView>,
): { usdE18: bigint; wei: bigint; rounds: number; unpricedRounds: number } {
  let usdE18 = 0n;
  let wei = 0n;
  let rounds = 0;
  let unpricedRounds = 0;
  for (const row of income) {
    const view = views.get(row.tokenId);
    for (const round of row.rounds) {
      if (round.status !== 'claimable' || round.amount === null) continue;
      rounds++;
      if (round.paidInCreatorToken && view?.priceUsdE18 != null) {
        usdE18 += valueInWei(BigInt(round.amount), round.tokenDecimals, view.priceUsdE18);
        if (view.priceEthE18 != null) wei += valueInWei(BigInt(round.amount), round.tokenDecimals, view.priceEthE18);
      } else unpricedRounds++;
    }
  }
  return { usdE18, wei, rounds, unpricedRounds };
}
