import { getAddress, isAddress, type Address, type Hex, type TypedData, type TypedDataDefinition } from 'viem';
import { choiceForMessage, hasChoiceShape, type VoteChoice } from './choices';
import { InvalidVoteError } from './errors';
import { choiceEncoding, isVoteType, SNAPSHOT_DOMAIN, voteTypesFor, type VoteType, type VoteTypes } from './voteTypes';

/** Snapshot's own limits on a vote (snapshot.js src/schemas/vote.json). */
export const MAX_REASON = 5000;
export const MAX_APP = 24;
export const MAX_SPACE_ID = 64;
/** Proposal ids are bytes32 hex today, IPFS hashes for old proposals. */
export const MAX_PROPOSAL_ID = 100;

export interface VoteMessage {
  from: string;
  space: string;
  timestamp: number;
  proposal: string;
  choice: number | number[] | string;
  reason: string;
  app: string;
  metadata: string;
}

/** Ready for viem `signTypedData` / `recoverTypedDataAddress` (MetaMask adds EIP712Domain itself). */
export interface VoteTypedData {
  domain: typeof SNAPSHOT_DOMAIN;
  types: VoteTypes;
  primaryType: 'Vote';
  message: VoteMessage;
}

/** What snapshot.js's client POSTs to the sequencer: no primaryType, types without EIP712Domain. */
export interface VoteEnvelope {
  address: Address;
  sig: Hex;
  data: { domain: typeof SNAPSHOT_DOMAIN; types: VoteTypes; message: VoteMessage };
}

export interface BuildVoteParameters {
  from: Address;
  space: string;
  proposal: string;
  type: VoteType;
  choice: VoteChoice;
  /** Unix seconds; the hub refuses a vote whose timestamp is far from its clock. */
  timestamp: number;
  reason?: string;
  app?: string;
  /** A JSON object as text; snapshot.js signs '{}' when there is none. */
  metadata?: string;
}

/**
 * The typed data of one vote, field for field what snapshot.js's `Client.vote` signs, so a vote
 * cast here counts on Snapshot itself and on any hub speaking its API. Throws InvalidVoteError
 * (before anything reaches a wallet) when the vote could not be accepted anyway.
 */
export function buildVoteTypedData(p: BuildVoteParameters): VoteTypedData {
  if (!isAddress(p.from, { strict: false })) throw new InvalidVoteError(`Not an address: ${String(p.from)}`);
  if (!isVoteType(p.type)) throw new InvalidVoteError(`Unknown voting type "${String(p.type)}"`);
  if (!p.space || p.space.length > MAX_SPACE_ID) throw new InvalidVoteError('The space id must be 1 to 64 characters');
  if (!p.proposal || p.proposal.length > MAX_PROPOSAL_ID) throw new InvalidVoteError('The proposal id must be 1 to 100 characters');
  if (!Number.isSafeInteger(p.timestamp) || p.timestamp <= 0) throw new InvalidVoteError('The timestamp must be whole seconds since 1970');
  if (!hasChoiceShape(p.type, p.choice)) {
    const expected = { uint32: 'one choice number', 'uint32[]': 'a list of choice numbers', string: 'a map of choice number to weight' }[
      choiceEncoding(p.type)
    ];
    throw new InvalidVoteError(`A ${p.type} vote needs ${expected}`);
  }
  const reason = p.reason ?? '';
  const app = p.app ?? '';
  if (reason.length > MAX_REASON) throw new InvalidVoteError(`The reason is longer than ${MAX_REASON} characters`);
  if (app.length > MAX_APP) throw new InvalidVoteError(`The app name is longer than ${MAX_APP} characters`);
  const metadata = p.metadata ?? '{}';
  if (!isJsonObjectText(metadata)) throw new InvalidVoteError('The metadata must be a JSON object');
  return {
    domain: SNAPSHOT_DOMAIN,
    types: voteTypesFor(choiceEncoding(p.type)),
    primaryType: 'Vote',
    message: {
      from: getAddress(p.from), // snapshot.js signs the checksummed form
      space: p.space,
      timestamp: p.timestamp,
      proposal: p.proposal,
      choice: choiceForMessage(p.type, p.choice),
      reason,
      app,
      metadata,
    },
  };
}

/** The body snapshot.js's client POSTs: `{ address, sig, data: { domain, types, message } }`. */
export function voteEnvelope(address: Address, sig: Hex, typedData: VoteTypedData): VoteEnvelope {
  const { domain, types, message } = typedData;
  return { address: getAddress(address), sig, data: { domain, types, message } };
}

/**
 * The same typed data as viem's signing and hashing functions take: viem derives message types
 * from literal type names, which a Vote chosen at run time does not have.
 */
export function viemTypedData(typed: VoteTypedData): TypedDataDefinition<TypedData, string> {
  const { domain, types, primaryType, message } = typed;
  return { domain, types, primaryType, message: { ...message } };
}

/** The JSON MetaMask's `eth_signTypedData_v4` takes: the same data, with its EIP712Domain type spelled out. */
export function eip712RequestJson(typed: VoteTypedData): string {
  const EIP712Domain = [
    { name: 'name', type: 'string' },
    { name: 'version', type: 'string' },
  ];
  return JSON.stringify({ types: { EIP712Domain, ...typed.types }, domain: typed.domain, primaryType: 'Vote', message: typed.message });
}

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
