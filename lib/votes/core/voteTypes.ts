// Snapshot's EIP-712 vote format, as `@snapshot-labs/snapshot.js` signs it (src/sign/index.ts,
// src/sign/types.ts) and as Snapshot's sequencer accepts it (src/sign/hashedTypes.json).

/** Snapshot signs without a chainId: a vote is about a space, not a chain. */
export const SNAPSHOT_DOMAIN = { name: 'snapshot', version: '0.1.4' } as const;

export const VOTE_TYPES = ['single-choice', 'approval', 'quadratic', 'ranked-choice', 'weighted', 'basic', 'copeland'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export function isVoteType(value: unknown): value is VoteType {
  return VOTE_TYPES.some((type) => type === value);
}

/** How `choice` is typed in the signed message. */
export type ChoiceEncoding = 'uint32' | 'uint32[]' | 'string';

/**
 * snapshot.js `Client.vote`: approval and ranked choice sign an array, weighted and quadratic
 * sign their `{ "choice": weight }` map as a JSON string, the rest sign one number. Copeland is a
 * ranking like ranked choice (snapshot.js's client predates it), so it signs an array too.
 */
export function choiceEncoding(type: VoteType): ChoiceEncoding {
  if (type === 'approval' || type === 'ranked-choice' || type === 'copeland') return 'uint32[]';
  if (type === 'weighted' || type === 'quadratic') return 'string';
  return 'uint32';
}

export interface TypedDataField {
  name: string;
  type: string;
}
export type VoteTypes = { Vote: TypedDataField[] };

type OptionalField = 'reason' | 'app' | 'metadata';

function voteFields(
  from: 'string' | 'address',
  proposal: 'string' | 'bytes32',
  choice: ChoiceEncoding,
  extra: readonly OptionalField[],
): VoteTypes {
  return {
    Vote: [
      { name: 'from', type: from },
      { name: 'space', type: 'string' },
      { name: 'timestamp', type: 'uint64' },
      { name: 'proposal', type: proposal },
      { name: 'choice', type: choice },
      ...extra.map((name) => ({ name, type: 'string' })),
    ],
  };
}

/** What the companion signs: today's snapshot.js types (`from` and `proposal` as strings). */
export function voteTypesFor(encoding: ChoiceEncoding): VoteTypes {
  return voteFields('string', 'string', encoding, ['reason', 'app', 'metadata']);
}

/**
 * Every Vote type Snapshot's sequencer has ever accepted: 36 variants, the same set as the
 * `vote*` entries of snapshot.js's hashedTypes.json (a unit test holds them equal). Older
 * clients signed `from` as an address, `proposal` as bytes32, and fewer optional fields; their
 * votes still count, so the tally accepts them, and nothing else.
 */
function knownVoteTypes(): Map<string, { encoding: ChoiceEncoding; types: VoteTypes }> {
  const known = new Map<string, { encoding: ChoiceEncoding; types: VoteTypes }>();
  const extrasByFrom = {
    string: [['reason', 'app', 'metadata']],
    address: [[], ['reason', 'app'], ['reason', 'app', 'metadata'], ['app'], ['metadata']],
  } as const satisfies Record<string, readonly (readonly OptionalField[])[]>;
  for (const from of ['string', 'address'] as const) {
    for (const proposal of ['string', 'bytes32'] as const) {
      for (const encoding of ['uint32', 'uint32[]', 'string'] as const) {
        for (const extra of extrasByFrom[from]) {
          const types = voteFields(from, proposal, encoding, extra);
          known.set(JSON.stringify(types), { encoding, types });
        }
      }
    }
  }
  return known;
}

let known: ReturnType<typeof knownVoteTypes> | undefined;

/** The choice encoding of `types` if it is one of Snapshot's Vote types, exactly; else null. */
export function recognizeVoteTypes(types: unknown): { encoding: ChoiceEncoding; types: VoteTypes } | null {
  known ??= knownVoteTypes();
  // Exact text, as the sequencer compares them: an extra type (even EIP712Domain) or another
  // field order is another message.
  return known.get(JSON.stringify(types)) ?? null;
}

/** All accepted variants, for tests and for hubs that want the same rule. */
export function allKnownVoteTypes(): VoteTypes[] {
  known ??= knownVoteTypes();
  return [...known.values()].map((v) => v.types);
}
