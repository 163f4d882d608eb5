import type { PublicClient } from 'viem';
import { checkVoteEnvelope, type CheckedVote, type EnvelopeExpectation, type Recover, type SignerCache } from './checkEnvelope';
import { VotesError } from './errors';
import type { HubClient } from './hubClient';
import { tallyVotes, type VerifiedTally } from './tallyVotes';
import { readVotingPower, type VotingPowerSource } from './votingPower';

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
  client: PublicClient;
  chainId: number;
  power: VotingPowerSource;
  space: string;
  proposalId: string;
  onProgress?: (progress: TallyProgress) => void;
  chunkSize?: number;
  /**
   * Checks the signed envelopes; `checkEnvelopes` (this thread) unless given. Signature recovery
   * is ~95% of a large tally's time, so a page that can start workers may spread it over them.
   */
  checkEnvelopes?: EnvelopeChecker;
  /** Signers recovered by earlier tallies (kept per hub in memory): only new votes are recovered. */
  signers?: SignerCache;
  /** Signer recovery for the default checker: viem's unless given (secp256k1Wasm.ts is ~10× faster). */
  recover?: Recover;
}

export type EnvelopeChecker = (
  envelopes: readonly unknown[],
  expected: EnvelopeExpectation,
  onProgress?: (done: number) => void,
) => Promise<CheckedVote[]>;

export async function verifyProposalTally(p: VerifyTallyParameters): Promise<VerifiedTally & { proposalId: string }> {
  const progress = p.onProgress ?? (() => {});
  progress({ stage: 'proposal', done: 0, total: 1 });
  const proposal = await p.hub.proposal(p.proposalId);
  if (!proposal) throw new VotesError('The vote hub does not know this proposal', { details: p.proposalId });
  if (proposal.type === null)
    throw new VotesError(`This proposal uses the voting type "${proposal.rawType}", which this companion cannot count`);
  if (proposal.space !== null && proposal.space !== p.space)
    throw new VotesError(`The proposal belongs to the space "${proposal.space}", not "${p.space}"`);
  if (proposal.network !== null && proposal.network !== String(p.chainId)) {
    throw new VotesError(`The hub counts this proposal on chain ${proposal.network}, but the token is on chain ${p.chainId}`);
  }
  const expected = total(proposal.votes);
  const hubVotes = await p.hub.allVotes(proposal.id, (done) => progress({ stage: 'votes', done, total: expected }));
  const envelopes = await p.hub.allEnvelopes(proposal.id, (done, all) => progress({ stage: 'envelopes', done, total: all ?? expected }));
  const checked =
    envelopes === null
      ? null
      : await (p.checkEnvelopes ?? ((all, exp, onDone) => checkEnvelopes(all, exp, onDone, p.signers, p.recover)))(
          envelopes,
          {
            space: p.space,
            proposalId: proposal.id,
            type: proposal.type,
            choicesCount: proposal.choices.length,
            start: proposal.start,
            end: proposal.end,
          },
          (done) => progress({ stage: 'signatures', done, total: envelopes.length }),
        );
  const voters = checked ? checked.filter((c) => c.ok).map((c) => c.voter) : hubVotes.map((v) => v.voter);
  const reading = await readVotingPower(p.client, p.power, voters, proposal.snapshotBlock, {
    chunkSize: p.chunkSize,
    onProgress: (done, all) => progress({ stage: 'power', done, total: all }),
  });
  const tally = tallyVotes({
    proposal: { ...proposal, type: proposal.type },
    hubVotes,
    checked,
    powers: reading.powers,
    decimals: reading.decimals,
  });
  return { ...tally, proposalId: proposal.id };
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
