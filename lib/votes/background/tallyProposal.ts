import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import type { TallyProgressView } from '@/lib/votes/contract';
import { tallyProgressItem } from '@/lib/votes/tallyProgressItem';
import { readSettings } from '@/lib/settings/settingsRepository';
import type { TallyView } from '@/lib/votes/contract';
import { createHubClient } from '@/lib/votes/core/hubClient';
import type { SignerCache } from '@/lib/votes/core/checkEnvelope';
import { verifyProposalTally } from '@/lib/votes/core/verifyTally';
import { votingPowerSource } from '@/lib/votes/core/votingPower';
import { loadSecp256k1 } from './loadSecp256k1';
import { voteContext } from './voteContext';

// Recovering a signer is most of a tally's time (~3 ms a vote); a signature never changes its
// signer, so a re-check while the worker lives only recovers new votes. Bounded: dropped when big.
const signers: SignerCache = new Map();
const MAX_CACHED_SIGNERS = 200_000;

/** Recomputes a proposal's result from signed votes and balances at its snapshot block. */
export async function tallyProposal(deps: Pick<BackgroundDeps, 'db' | 'clientFor'>, tokenId: string, proposalId: string): Promise<TallyView> {
  const context = await voteContext(deps.db, tokenId);
  const { rpcUrls } = await readSettings(deps.db);
  const tally = await verifyProposalTally({
    hub: createHubClient(context.hub),
    client: deps.clientFor(context.chain, rpcUrls[context.chain.chainId]),
    chainId: context.chain.chainId,
    power: votingPowerSource(context.chain, context.token, context.countLiquidity),
    space: context.space,
    proposalId,
    onProgress: progressReporter(proposalId),
    signers: signers.size > MAX_CACHED_SIGNERS ? (signers.clear(), signers) : signers,
    recover: await loadSecp256k1(),
  });
  await tallyProgressItem(proposalId).removeValue();
  return {
    proposalId,
    scores: tally.scores.map(String),
    scoresTotal: tally.scoresTotal.toString(),
    verified: tally.verified,
    total: tally.total,
    invalid: tally.invalid.slice(0, 100),
    hubDisagrees: tally.hubDisagrees,
    signaturesChecked: tally.signaturesChecked,
    decimals: tally.decimals,
    symbol: context.symbol,
  };
}

/** Progress for the popup, through storage.session (trusted contexts only), at most 4 times a second. */
function progressReporter(proposalId: string): (progress: TallyProgressView) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (now - last < 250 && progress.done !== progress.total) return;
    last = now;
    void tallyProgressItem(proposalId).setValue(progress);
  };
}
