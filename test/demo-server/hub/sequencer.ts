import { getAddress, hashTypedData, recoverAddress, type Address, type Hex } from 'viem';
import { choiceFromMessage, isValidChoice } from '../../../lib/votes/core/choices';
import { voteEnvelopeSchema } from '../../../lib/votes/core/hubSchemas';
import { isShielded } from '../../../lib/votes/core/shielded';
import { choiceEncoding, recognizeVoteTypes, SNAPSHOT_DOMAIN } from '../../../lib/votes/core/voteTypes';
import type { HubStore, VoteRecord } from './store';

// The checks Snapshot's sequencer makes on an incoming vote, in its order, with answers in its
// format: 200 `{ id, ipfs, relayer }`, or 400 `{ error: 'client_error', error_description }`.

/** Snapshot's sequencer refuses a message stamped more than this ahead of its clock… */
export const TIMESTAMP_AHEAD_S = 300;
/** …or more than this behind it (snapshot-sequencer src/ingestor.ts: 3 days). */
export const TIMESTAMP_BEHIND_S = 3 * 86_400;

export interface SequencerContext {
  store: HubStore;
  space: string;
  /** Voting power of `voter` at `block`, base units; throws when the chain cannot be read. */
  powerOf(voter: Address, block: bigint): Promise<bigint>;
}

export type SequencerAnswer =
  | { status: 200; body: { id: Hex; ipfs: string; relayer: { address: string; receipt: string } } }
  | { status: 400 | 500; body: { error: string; error_description: string } };

const refuse = (description: string): SequencerAnswer => ({ status: 400, body: { error: 'client_error', error_description: description } });
const receiptOf = (v: VoteRecord): SequencerAnswer => ({
  status: 200,
  body: { id: v.id, ipfs: v.ipfs, relayer: { address: '0x0000000000000000000000000000000000000000', receipt: v.id } },
});

export async function acceptVote(input: unknown, ctx: SequencerContext): Promise<SequencerAnswer> {
  const parsed = voteEnvelopeSchema.safeParse(input);
  if (!parsed.success) return refuse('wrong envelope format');
  const { address, sig, data } = parsed.data;
  const known = recognizeVoteTypes(data.types);
  if (!known) return refuse('wrong types');
  if (data.domain.name !== SNAPSHOT_DOMAIN.name || data.domain.version !== SNAPSHOT_DOMAIN.version) return refuse('wrong domain');
  const m = data.message;
  const age = ctx.store.now() - (m.timestamp as number);
  if (!Number.isSafeInteger(m.timestamp) || age < -TIMESTAMP_AHEAD_S || age > TIMESTAMP_BEHIND_S) return refuse('wrong timestamp');
  if (typeof m.from !== 'string' || m.from.toLowerCase() !== address.toLowerCase()) return refuse('wrong from');

  let id: Hex;
  try {
    id = hashTypedData({ domain: data.domain, types: known.types, primaryType: 'Vote', message: m } as never);
    if ((await recoverAddress({ hash: id, signature: sig as Hex })).toLowerCase() !== address.toLowerCase())
      return refuse('signature validation failed');
  } catch {
    return refuse('signature validation failed');
  }
  if (m.space !== ctx.space) return refuse('unknown space');
  // A message already stored, even one a later vote replaced: snapshot-sequencer's exact answer.
  if (ctx.store.hasMessage(id)) return refuse('duplicate message');
  const proposal = typeof m.proposal === 'string' ? ctx.store.getProposal(m.proposal) : undefined;
  if (!proposal || proposal.space !== ctx.space) return refuse('unknown proposal');
  const voter = getAddress(address);
  const previous = ctx.store.voteOf(proposal.id, voter);
  if (ctx.store.stateOf(proposal) !== 'active') return refuse('not in voting window');
  // A shielded proposal takes only a Shutter-encrypted choice, which this demo hub cannot open:
  // a plain choice is refused the way Snapshot refuses it.
  if (isShielded(proposal.privacy)) return refuse('invalid choice');
  const choice = choiceFromMessage(proposal.type, m.choice);
  if (known.encoding !== choiceEncoding(proposal.type) || !isValidChoice(proposal.type, choice, proposal.choices.length))
    return refuse('invalid choice');
  if (previous && previous.created > (m.timestamp as number)) return refuse('already voted at later time');
  if (previous && previous.created === m.timestamp) return refuse('already voted at same time');

  let power: bigint;
  try {
    power = (await ctx.powerOf(voter, proposal.snapshot)) + ctx.store.strategyBonus(proposal);
  } catch (error) {
    return {
      status: 500,
      body: { error: 'server_error', error_description: `failed to check voting power: ${(error as Error).message.split('\n')[0]}` },
    };
  }
  if (power === 0n) return refuse('no voting power');

  const vote: VoteRecord = {
    id,
    ipfs: `demo-${id.slice(2, 18)}`,
    voter,
    proposal: proposal.id,
    created: m.timestamp as number,
    choice,
    reason: typeof m.reason === 'string' ? m.reason : '',
    app: typeof m.app === 'string' ? m.app : '',
    power,
    envelope: input,
  };
  ctx.store.putVote(vote);
  return receiptOf(vote);
}
