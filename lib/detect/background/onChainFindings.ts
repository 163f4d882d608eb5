import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import type { EnsVerdict } from '@/lib/detect/core/ensConfirmation';
import { lookalikeWarnings, type KnownCreator } from '@/lib/detect/core/lookalikes';
import { listFollows } from '@/lib/holdings/followsRepository';
import type { CompanionDatabase } from '@/lib/db/database';
import { formatTokenId } from '@/lib/protocol/caip19';
import { checkEnsConfirmation, type EnsCheck } from './ensConfirmation';
import { enabledTokenList } from '@/lib/lists/tokenListsRepository';

export interface OnChainFindings {
  verdict: EnsVerdict;
  /** Lookalike warnings (copied name or symbol, a domain like a listed one). */
  warnings: string[];
}

/** The ENS verdict (cached a day) and the lookalike warnings for `tokenId` declared on `origin`. */
export async function onChainFindings(
  deps: Pick<BackgroundDeps, 'db' | 'clientFor'>,
  tokenId: string,
  origin: string,
): Promise<OnChainFindings> {
  const check = await checkEnsConfirmation(deps, tokenId, origin).catch((): EnsCheck => ({
    verdict: {
      status: 'declared',
      reason: 'The ENS records could not be checked just now; the check runs again on your next visit.',
      name: null,
    },
    tokenName: null,
    tokenSymbol: null,
  }));
  const warnings = lookalikeWarnings({ tokenId, name: check.tokenName, symbol: check.tokenSymbol }, origin, await knownCreators(deps.db));
  return { verdict: check.verdict, warnings };
}

/** The creators of every enabled list (with their domains) and the followed ones. */
async function knownCreators(db: CompanionDatabase): Promise<KnownCreator[]> {
  const listed = (await enabledTokenList(db)).tokens.map((t) => ({
    tokenId: formatTokenId(t.chainId, t.address),
    name: t.name,
    symbol: t.symbol,
    domains: t.extensions?.domains ?? [],
  }));
  const followed = (await listFollows(db).catch(() => [])).map((f) => ({
    tokenId: f.tokenId,
    name: f.name,
    symbol: f.symbol,
    domains: [],
  }));
  return [...listed, ...followed];
}
