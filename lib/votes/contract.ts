// What the popup shows of a creator's votes. The background builds these from the hub and the
// chain; amounts are decimal strings of base units (they cross a JSON message boundary).

export type VoteType = 'single-choice' | 'approval' | 'weighted' | 'ranked-choice' | 'quadratic' | 'basic' | 'copeland';

export interface ProposalView {
  id: string;
  title: string;
  body: string;
  type: VoteType;
  choices: string[];
  /** Unix seconds. */
  start: number;
  end: number;
  /** The block whose balances count. */
  snapshotBlock: number;
  state: 'pending' | 'active' | 'closed';
  /** What the hub says the scores are (voting power per choice, as numbers the hub sent). */
  hubScores: number[];
  votes: number;
  /** Votes hidden until the end (Snapshot's `privacy: "shutter"`): the companion cannot sign them. */
  shielded: boolean;
  /** Where the holder can vote on it themselves (Snapshot's page, or the hub); null if unknown. */
  pageUrl: string | null;
}

export interface VotingPowerView {
  account: string;
  /** Base units of the creator token counted at the snapshot block (wallet + liquidity if counted). */
  amount: string;
  fromLiquidity: string;
  /** Whether the creator's manifest counts liquidity (`votes.countLiquidity`). */
  countsLiquidity: boolean;
  /** The hub's own figure (`vp`), in whole tokens as the hub sends it; null when it gave none. */
  hubVp: number | null;
  decimals: number;
  symbol: string;
  blockNumber: number;
}

export interface ProposalWithPower {
  proposal: ProposalView;
  power: VotingPowerView | null;
}

export interface TallyView {
  proposalId: string;
  /** Per choice, base units of voting power, recomputed locally. */
  scores: string[];
  scoresTotal: string;
  verified: number;
  total: number;
  invalid: { voter: string; reason: string }[];
  hubDisagrees: boolean;
  /** False when the hub does not serve signed envelopes: only weights were re-checked. */
  signaturesChecked: boolean;
  decimals: number;
  symbol: string;
}

/** Where a running tally is, for the popup's progress line. */
export interface TallyProgressView {
  stage: 'proposal' | 'votes' | 'envelopes' | 'signatures' | 'power';
  done: number;
  total: number | null;
}

export const tallyProgressKey = (proposalId: string) => `tally-progress:${proposalId}`;
