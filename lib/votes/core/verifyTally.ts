import type { ChainClient } from '@/lib/chain/createChainClient';
import { checkVoteEnvelope, type CheckedVote, type EnvelopeExpectation, type Recover, type SignerCache } from './checkEnvelope';
import { VotesError } from './errors';
import type { HubClient } from './hubClient';
import { tallyVotesYielding, type VerifiedTally } from './tallyVotes';
import { startVotingPowerReading, type VotingPowerSource } from './votingPower';

// A proposal's tally, recomputed from what anyone can check: the signed votes (from the hub) and
// balances at the snapshot block (from the chain). The hub is trusted for nothing but the list.

export type TallyStage = 'proposal' | 'votes' | 'envelopes' | 'signatures' | 'power';

export interface TallyProgress {
  stage: TallyStage;
  done: number;
  total: number | null;
}

export interface VerifyTallyParameters {
  hub: HubClient;
  /** A client for the token's chain (an archive node if the snapshot block is old). */
  client: ChainClient;
  chainId: number;
  power: VotingPowerSource;
  space: string;
  proposalId: string;
  onProgress?: (progress: TallyProgress) => void;
  chunkSize?: number;
  /**
   * Checks the signed envelopes; `checkEnvelopes` (this thread) unless given. Signature recovery
   * is most of a large tally's time, so a page or offscreen document that can start workers may
   * spread it over them. Called once per batch of envelopes (see EnvelopeChecker).
   */
  checkEnvelopes?: EnvelopeChecker;
  /** Signers recovered by earlier tallies (kept per hub in memory): only new votes are recovered. */
  signers?: SignerCache;
  /** Signer recovery for the default checker: viem's unless given (secp256k1Wasm.ts is ~10× faster). */
  recover?: Recover;
}

/**
 * Checks a batch of signed envelopes and resolves with one CheckedVote per envelope, in the same
 * order. A tally calls it several times, once per batch of up to TALLY_BATCH envelopes (a page of
 * the hub's), as the pages arrive, with up to CHECKER_BATCHES_IN_FLIGHT calls outstanding (one for
 * the default checker in this thread); the results of all calls, in call order, are the tally's
 * checked votes. `onProgress` reports envelopes done within this batch.
 */
export type EnvelopeChecker = (
  envelopes: readonly unknown[],
  expected: EnvelopeExpectation,
  onProgress?: (done: number) => void,
) => Promise<CheckedVote[]>;

/**
 * Envelopes per page fetched and per checker call, and votes per page of the vote list: small
 * enough that checks start early and end close together, and that no page's parsing (here, and in
 * a hub serving from the same thread) holds the thread long.
 */
export const TALLY_BATCH = 500;
/** Calls outstanding to a given checker: the next batch waits at the workers while one's results travel back. */
export const CHECKER_BATCHES_IN_FLIGHT = 2;

/**
 * The tally as a pipeline: the hub's vote list and its envelope pages are fetched side by side,
 * each page of envelopes is checked as it arrives, and the balances of each checked batch's voters
 * are read (the node is another process) while later batches are still being checked. The result
 * is the one-shot order's: every check result in the hub's order, every verified voter's power.
 */
export async function verifyProposalTally(p: VerifyTallyParameters): Promise<VerifiedTally & { proposalId: string }> {
  const progress = orderedProgress(p.onProgress ?? (() => {}));
  progress.report('proposal', 0, 1);
  const proposal = await p.hub.proposal(p.proposalId);
  if (!proposal) throw new VotesError('The vote hub does not know this proposal', { details: p.proposalId });
  if (proposal.type === null)
    throw new VotesError(`This proposal uses the voting type "${proposal.rawType}", which this companion cannot count`);
  if (proposal.space !== null && proposal.space !== p.space)
    throw new VotesError(`The proposal belongs to the space "${proposal.space}", not "${p.space}"`);
  if (proposal.network !== null && proposal.network !== String(p.chainId)) {
    throw new VotesError(`The hub counts this proposal on chain ${proposal.network}, but the token is on chain ${p.chainId}`);
  }
  progress.finish('proposal');
  const expectedVotes = total(proposal.votes);
  const expected: EnvelopeExpectation = {
    space: p.space,
    proposalId: proposal.id,
    type: proposal.type,
    choicesCount: proposal.choices.length,
    start: proposal.start,
    end: proposal.end,
  };
  const check: EnvelopeChecker = p.checkEnvelopes ?? ((all, exp, onDone) => checkEnvelopes(all, exp, onDone, p.signers, p.recover));
  const slots = limiter(p.checkEnvelopes ? CHECKER_BATCHES_IN_FLIGHT : 1);
  const power = startVotingPowerReading(p.client, p.power, proposal.snapshotBlock, {
    chunkSize: p.chunkSize,
    onProgress: (done, all) => progress.report('power', done, all),
  });

  let abandoned = false; // a failure elsewhere: stop fetching and checking what nobody will count
  const batches: Promise<CheckedVote[]>[] = [];
  let fetched = 0;
  let announced: number | null = null;
  let checkedDone = 0;
  const votes = p.hub
    .allVotes(proposal.id, (done) => progress.report('votes', done, expectedVotes), { pageSize: TALLY_BATCH })
    .finally(() => progress.finish('votes'));
  const envelopes = p.hub
    .eachEnvelopePage(
      proposal.id,
      (page, all) => {
        if (abandoned) throw new VotesError('The tally was abandoned');
        fetched += page.length;
        announced = all ?? expectedVotes;
        progress.report('envelopes', fetched, announced);
        let batchDone = 0;
        const batch = slots(() =>
          abandoned
            ? Promise.resolve([])
            : check(page, expected, (done) => {
                checkedDone += done - batchDone;
                batchDone = done;
                progress.report('signatures', checkedDone, Math.max(announced ?? 0, fetched));
              }),
        ).then((checked) => {
          if (!abandoned) power.add(checked.flatMap((c) => (c.ok ? [c.voter] : [])));
          return checked;
        });
        batch.catch(() => {}); // awaited below, in order; not an unhandled rejection meanwhile
        batches.push(batch);
      },
      { pageSize: TALLY_BATCH },
    )
    .finally(() => progress.finish('envelopes'));
  envelopes.catch(() => {});
  try {
    // Failures surface in the one-shot order: the vote list, the envelopes, the checks, the balances.
    const hubVotes = await votes;
    const served = await envelopes;
    let checked: CheckedVote[] | null = null;
    if (served) {
      checked = [];
      for (const batch of batches) checked.push(...(await batch));
    } else {
      power.add(hubVotes.map((v) => v.voter));
    }
    progress.finish('signatures');
    const reading = await power.finish();
    const tally = await tallyVotesYielding({
      proposal: { ...proposal, type: proposal.type },
      hubVotes,
      checked,
      powers: reading.powers,
      decimals: reading.decimals,
    });
    return { ...tally, proposalId: proposal.id };
  } finally {
    abandoned = true;
  }
}

const STAGES: readonly TallyStage[] = ['proposal', 'votes', 'envelopes', 'signatures', 'power'];

/**
 * The stages overlap (votes and envelopes fetched side by side, checks and balances as pages
 * arrive), but the holder sees one at a time, in order: a stage's reports pass while every stage
 * before it is finished; the latest report of a stage is shown when its turn comes.
 */
function orderedProgress(onProgress: (progress: TallyProgress) => void) {
  const latest = new Map<TallyStage, TallyProgress>();
  const finished = new Set<TallyStage>();
  let current = 0;
  return {
    report(stage: TallyStage, done: number, all: number | null) {
      const progress = { stage, done, total: all };
      latest.set(stage, progress);
      if (STAGES[current] === stage) onProgress(progress);
    },
    finish(stage: TallyStage) {
      finished.add(stage);
      while (current < STAGES.length - 1 && finished.has(STAGES[current]!)) {
        current++;
        const waiting = latest.get(STAGES[current]!);
        if (waiting) onProgress(waiting);
      }
    },
  };
}

/** Runs at most `n` tasks at a time, the others queued in call order. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (running < n) running++;
    else await new Promise<void>((resolve) => queue.push(resolve)); // the finishing task hands its slot over
    try {
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else running--;
    }
  };
}

const total = (n: number | null) => (n !== null && n >= 0 ? n : null);

/** The longest the checks hold the thread: a service worker answering the popup must not wait on them. */
export const CHECK_SLICE_MS = 20;

/**
 * Checks envelopes one by one, handing the thread back every CHECK_SLICE_MS so a background
 * worker or a page stays responsive during a 10,000-vote tally, and reporting progress as it goes.
 */
export async function checkEnvelopes(
  envelopes: readonly unknown[],
  expected: EnvelopeExpectation,
  onProgress?: (done: number) => void,
  signers?: SignerCache,
  recover?: Recover,
): Promise<CheckedVote[]> {
  const out: CheckedVote[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < envelopes.length; i++) {
    out.push(await checkVoteEnvelope(envelopes[i], expected, signers, recover));
    if (performance.now() - sliceStart >= CHECK_SLICE_MS || i + 1 === envelopes.length) {
      onProgress?.(i + 1);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return out;
}
