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
  const claims: CreatorTokenClaim[] = [];
  for (const row of income)
    for (const round of row.rounds) {
      if (round.status !== 'claimable' || round.amount === null) continue;
      claims.push({
        tokenId: row.tokenId,
        amount: BigInt(round.amount),
        decimals: round.tokenDecimals,
        paidInCreatorToken: round.paidInCreatorToken,
      });
    }
  const { usdE18, wei, unpriced } = valueOfClaims(claims, views);
  return { usdE18, wei, rounds: claims.length, unpricedRounds: unpriced };
}

export interface CreatorTokenClaim {
  tokenId: string;
  amount: bigint;
  decimals: number;
  /** Paid in the creator's own token (the only one priced here). */
  paidInCreatorToken: boolean;
}

/**
 * What claims are worth at each creator's price: a claim paid in another token, or in a token with
 * no USD price, is counted in `unpriced` and adds nothing, so a total never pretends to cover it.
 */
export function valueOfClaims(
  claims: readonly CreatorTokenClaim[],
  views: Map<string, HoldingView>,
): { usdE18: bigint; wei: bigint; unpriced: number } {
  let usdE18 = 0n;
  let wei = 0n;
  let unpriced = 0;
  for (const claim of claims) {
    const view = views.get(claim.tokenId);
    if (!claim.paidInCreatorToken || view?.priceUsdE18 == null) {
      unpriced++;
      continue;
    }
    usdE18 += valueInWei(claim.amount, claim.decimals, view.priceUsdE18);
    if (view.priceEthE18 != null) wei += valueInWei(claim.amount, claim.decimals, view.priceEthE18);
  }
  return { usdE18, wei, unpriced };
}
