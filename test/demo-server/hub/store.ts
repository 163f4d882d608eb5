import { formatUnits, type Address, type Hex } from 'viem';
import { computeScores } from '../../../lib/votes/core/scores';
import type { VoteType } from '../../../lib/votes/core/voteTypes';

// The demo hub's memory: proposals and each voter's counted vote, served with Snapshot's field
// names. A voter's later vote replaces the earlier one, as on Snapshot.

export interface ProposalRecord {
  id: string;
  space: string;
  type: VoteType;
  title: string;
  body: string;
  choices: string[];
  /** Unix seconds. */
  start: number;
  end: number;
  snapshot: bigint;
  author: Address;
  created: number;
  network: string;
  symbol: string;
  strategies: { name: string; network: string; params: Record<string, unknown> }[];
  /** Snapshot's `privacy`: '' for public votes, 'shutter' for votes hidden until the end. */
  privacy?: string;
}

export interface VoteRecord {
  /** The EIP-712 hash of the signed message, as Snapshot ids votes. */
  id: Hex;
  ipfs: string;
  voter: Address;
  proposal: string;
  created: number;
  /** As signed (a weighted choice parsed from its JSON). */
  choice: unknown;
  reason: string;
  app: string;
  /** Voting power at the snapshot block, base units. */
  power: bigint;
  /** The envelope exactly as it was posted (or seeded). */
  envelope: unknown;
}

export type ProposalState = 'pending' | 'active' | 'closed';

export class HubStore {
  private readonly proposalsById = new Map<string, ProposalRecord>();
  /** proposal id → lower-case voter → vote; Map order is arrival order. */
  private readonly votesByProposal = new Map<string, Map<string, VoteRecord>>();
  /** Every message id ever stored, replaced votes included: the sequencer's `messages` table. */
  private readonly messageIds = new Set<string>();

  constructor(
    readonly decimals: number,
    readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  addProposal(p: ProposalRecord): void {
    this.proposalsById.set(p.id.toLowerCase(), p);
    this.votesByProposal.set(p.id.toLowerCase(), new Map());
  }

  getProposal(id: string): ProposalRecord | undefined {
    return this.proposalsById.get(id.toLowerCase());
  }

  stateOf(p: ProposalRecord): ProposalState {
    const now = this.now();
    return now < p.start ? 'pending' : now > p.end ? 'closed' : 'active';
  }

  /** Stores `vote`, replacing the voter's earlier one (moved to the end: it arrived last). */
  putVote(vote: VoteRecord): void {
    const votes = this.votesByProposal.get(vote.proposal.toLowerCase());
    if (!votes) throw new Error(`No proposal ${vote.proposal}`);
    votes.delete(vote.voter.toLowerCase());
    votes.set(vote.voter.toLowerCase(), vote);
    this.messageIds.add(vote.id.toLowerCase());
  }

  hasMessage(id: string): boolean {
    return this.messageIds.has(id.toLowerCase());
  }

  voteOf(proposal: string, voter: string): VoteRecord | undefined {
    return this.votesByProposal.get(proposal.toLowerCase())?.get(voter.toLowerCase());
  }

  /** Oldest first, ties by id: snapshot-hub's `ORDER BY created ASC, id ASC`. */
  votesOf(proposal: string): VoteRecord[] {
    return [...(this.votesByProposal.get(proposal.toLowerCase())?.values() ?? [])].sort(
      (a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** Snapshot's `proposals(where: { space, state })`, newest first. */
  listProposals(where: { space?: unknown; space_in?: unknown; state?: unknown; id?: unknown }): ProposalRecord[] {
    const spaces = Array.isArray(where.space_in) ? where.space_in.map(String) : typeof where.space === 'string' ? [where.space] : null;
    return [...this.proposalsById.values()]
      .filter((p) => !spaces || spaces.includes(p.space))
      .filter((p) => typeof where.state !== 'string' || where.state === 'all' || this.stateOf(p) === where.state)
      .filter((p) => typeof where.id !== 'string' || p.id.toLowerCase() === where.id.toLowerCase())
      .sort((a, b) => b.created - a.created);
  }

  /** A proposal with Snapshot's field names, scores computed from the stored votes. */
  proposalJson(p: ProposalRecord): Record<string, unknown> {
    const votes = this.votesOf(p.id);
    const { scores, scoresTotal } = computeScores(
      p.type,
      p.choices.length,
      votes.map((v) => ({ choice: v.choice, balance: v.power })),
    );
    const state = this.stateOf(p);
    return {
      id: p.id,
      ipfs: `demo-${p.id.slice(2, 18)}`,
      space: { id: p.space, name: p.space },
      author: p.author,
      created: p.created,
      type: p.type,
      title: p.title,
      body: p.body,
      discussion: '',
      choices: p.choices,
      start: p.start,
      end: p.end,
      snapshot: p.snapshot.toString(),
      state,
      network: p.network,
      symbol: p.symbol,
      strategies: p.strategies,
      privacy: p.privacy ?? '',
      quorum: 0,
      scores: scores.map((s) => this.tokens(s)),
      scores_by_strategy: scores.map((s) => [this.tokens(s)]),
      scores_total: this.tokens(scoresTotal),
      scores_state: state === 'closed' ? 'final' : 'pending',
      scores_updated: this.now(),
      votes: votes.length,
    };
  }

  /**
   * Power the space's other strategies give every voter, base units: Snapshot's `ticket`
   * strategy (`params.value` whole tokens each). The token (and its pool) is read from the chain.
   */
  strategyBonus(p: ProposalRecord): bigint {
    const whole = p.strategies.filter((s) => s.name === 'ticket').reduce((sum, s) => sum + BigInt(Number(s.params.value ?? 1)), 0n);
    return whole * 10n ** BigInt(this.decimals);
  }

  /** Whole tokens, as Snapshot reports voting power. */
  tokensOf(x: bigint): number {
    return this.tokens(x);
  }

  voteJson(v: VoteRecord): Record<string, unknown> {
    const space = this.getProposal(v.proposal)?.space ?? '';
    const vp = this.tokens(v.power);
    return {
      id: v.id,
      ipfs: v.ipfs,
      voter: v.voter,
      created: v.created,
      space: { id: space },
      proposal: { id: v.proposal },
      choice: v.choice,
      reason: v.reason,
      app: v.app,
      metadata: {},
      vp,
      vp_by_strategy: [vp],
      vp_state: 'final',
    };
  }

  private tokens(x: bigint): number {
    return Number(formatUnits(x, this.decimals));
  }
}
