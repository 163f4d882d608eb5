import { isAddress, recoverAddress, type Address, type Hex } from 'viem';
import { choiceFromMessage, isValidChoice } from './choices';
import { hashVote } from './hashVote';
import type { SignerRecoverer } from './secp256k1Wasm';
import { voteEnvelopeSchema } from './hubSchemas';
import { choiceEncoding, recognizeVoteTypes, SNAPSHOT_DOMAIN, type ChoiceEncoding, type VoteType } from './voteTypes';

// One signed vote, judged without trusting the hub: the envelope must be Snapshot's format to
// the letter, signed by the voter it names, for this space and proposal, with a choice that is
// valid for the proposal's type, cast while the vote was open.

export interface EnvelopeExpectation {
  space: string;
  proposalId: string;
  type: VoteType;
  choicesCount: number;
  /** Unix seconds; a vote timestamped outside [start, end] is not counted. */
  start: number;
  end: number;
}

/**
 * Signers already recovered, by vote id (the EIP-712 hash, so the message itself) and signature.
 * Recovery is nearly all of a tally's time; with this a re-tally only hashes what it has seen.
 */
export type SignerCache = Map<string, Address>;

export type CheckedVote =
  { ok: true; id: Hex; voter: Address; choice: unknown; timestamp: number } | { ok: false; id: Hex | null; voter: string; reason: string };

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;
const fail = (voter: string, reason: string, id: Hex | null = null): CheckedVote => ({ ok: false, id, voter, reason });

function matchesEncoding(encoding: ChoiceEncoding, choice: unknown): boolean {
  const uint32 = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff;
  if (encoding === 'uint32') return uint32(choice);
  if (encoding === 'uint32[]') return Array.isArray(choice) && choice.every(uint32);
  return typeof choice === 'string';
}

/** Recovers a signer: viem's recoverAddress unless a faster one (WebAssembly, secp256k1Wasm.ts) is given. */
export type Recover = SignerRecoverer | ((hash: Hex, signature: Hex) => Promise<Address>);
const viemRecover: Recover = (hash, signature) => recoverAddress({ hash, signature });

export async function checkVoteEnvelope(
  input: unknown,
  expected: EnvelopeExpectation,
  signers?: SignerCache,
  recover: Recover = viemRecover,
): Promise<CheckedVote> {
  const parsed = voteEnvelopeSchema.safeParse(input);
  const claimed =
    typeof (input as { address?: unknown })?.address === 'string' ? String((input as { address: string }).address).slice(0, 42) : 'unknown';
  if (!parsed.success) return fail(claimed, 'not a Snapshot vote envelope');
  const { address, sig, data } = parsed.data;
  const { name, version, ...rest } = data.domain;
  // snapshot.js adds a chainId only for Trust Wallet; anything else is another application's message.
  if (name !== SNAPSHOT_DOMAIN.name || version !== SNAPSHOT_DOMAIN.version || Object.keys(rest).some((k) => k !== 'chainId')) {
    return fail(address, "not signed for Snapshot's vote domain");
  }
  const known = recognizeVoteTypes(data.types);
  if (!known) return fail(address, 'signed with message types Snapshot does not accept');
  const m = data.message;
  const fields = known.types.Vote.map((f) => f.name);
  if (Object.keys(m).length !== fields.length || !fields.every((f) => f in m)) return fail(address, 'the message does not match its types');
  const strings = ['space', 'proposal', ...fields.filter((f) => f === 'reason' || f === 'app' || f === 'metadata')];
  if (
    typeof m.from !== 'string' ||
    !strings.every((f) => typeof m[f] === 'string') ||
    !(Number.isSafeInteger(m.timestamp) && (m.timestamp as number) >= 0) ||
    !matchesEncoding(known.encoding, m.choice)
  ) {
    return fail(address, 'the message does not match its types');
  }
  if (!isAddress(m.from, { strict: false }) || m.from.toLowerCase() !== address.toLowerCase())
    return fail(address, 'the message names another voter than the envelope');
  if (m.space !== expected.space) return fail(address, `a vote in another space (${String(m.space).slice(0, 64)})`);
  if (!sameProposal(m.proposal as string, expected.proposalId)) return fail(address, 'a vote on another proposal');

  let id: Hex;
  let signer: Address;
  try {
    // Hash, then recover: viem's recoverTypedDataAddress, with the hash kept (it is the vote's id).
    id = hashVote(data.domain, known.types, m);
  } catch {
    return fail(address, 'the message does not match its types'); // e.g. a proposal id that is not bytes32
  }
  const cacheKey = `${id}${sig.toLowerCase()}`;
  try {
    signer = signers?.get(cacheKey) ?? (await recover(id, sig as Hex));
  } catch {
    return fail(address, 'the signature is malformed', id);
  }
  signers?.set(cacheKey, signer);
  if (signer.toLowerCase() !== address.toLowerCase()) return fail(address, `signed by ${short(signer)}, not by the voter`, id);

  const timestamp = m.timestamp as number;
  if (timestamp < expected.start) return fail(address, 'cast before the vote opened', id);
  if (timestamp > expected.end) return fail(address, 'cast after the vote closed', id);
  const choice = choiceFromMessage(expected.type, m.choice);
  if (known.encoding !== choiceEncoding(expected.type) || !isValidChoice(expected.type, choice, expected.choicesCount)) {
    return fail(address, `not a valid choice for this ${expected.type} proposal`, id);
  }
  return { ok: true, id, voter: signer, choice, timestamp };
}

/** Hex ids compare without case (bytes32 or text, as the signer typed them); IPFS ids exactly. */
function sameProposal(signed: string, expected: string): boolean {
  return signed.startsWith('0x') ? signed.toLowerCase() === expected.toLowerCase() : signed === expected;
}
