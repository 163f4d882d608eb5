import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import type { TallyProgressView } from '@/lib/votes/contract';
import { tallyProgressItem } from '@/lib/votes/tallyProgressItem';
import { readSettings } from '@/lib/settings/settingsRepository';
import type { TallyView } from '@/lib/votes/contract';
import { createHubClient } from '@/lib/votes/core/hubClient';
import { verifyProposalTally } from '@/lib/votes/core/verifyTally';
import { votingPowerSource } from '@/lib/votes/core/votingPower';
import { tallyChecker } from './tallyWorkers';
import { loadSigners } from '@/lib/votes/signerCacheRepository';
import { keepAliveWhile } from '@/lib/wallet/keepAlive';
import { voteContext } from './voteContext';

const SAVE_EVERY_MS = 500;

/** Recomputes a proposal's result from signed votes and balances at its snapshot block. */
export async function tallyProposal(
  deps: Pick<BackgroundDeps, 'db' | 'clientFor'>,
  tokenId: string,
  proposalId: string,
): Promise<TallyView> {
  const context = await voteContext(deps.db, tokenId);
  const { rpcUrls } = await readSettings(deps.db);
  // Recovering signers is most of a tally's time; those recovered before are read back, not redone.
  const signers = await loadSigners(deps.db, proposalId);
  // On the offscreen document's workers where the browser has them, else on this thread.
  const checker = tallyChecker(signers.cache);
  const report = progressReporter(proposalId);
  let lastSave = 0;
  const saveSoon = () => {
    if (Date.now() - lastSave < SAVE_EVERY_MS) return;
    lastSave = Date.now();
    void signers.save({ trim: false }).catch(() => {}); // the last save below says if writing fails
  };
  // Chrome stops a worker idle for 30 s. Progress writes (storage.session) count as activity while
  // votes come in; the workers' MessagePorts do not, and a slow hub or node gives nothing for a while.
  const tally = await keepAliveWhile(
    verifyProposalTally({
      hub: createHubClient(context.hub),
      client: deps.clientFor(context.chain, rpcUrls[context.chain.chainId]),
      chainId: context.chain.chainId,
      power: votingPowerSource(context.chain, context.token, context.countLiquidity),
      space: context.space,
      proposalId,
      onProgress: (progress) => {
        report(progress);
        // Written as they are recovered, while the tally waits on the hub and the node: 10,000 rows
        // written at the end held the answer back for seconds (4.6 s measured in Chromium).
        if (progress.stage === 'signatures' || progress.stage === 'power') saveSoon();
      },
      checkEnvelopes: checker.check,
    }).finally(() => {
      checker.release();
      return signers.save(); // what was recovered stays true even if the balances failed
    }),
  );
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
