import type { Address } from 'viem';
import type { TypedDataToSign } from '../types';

/** A single-choice vote as snapshot.js signs it (domain `snapshot` 0.1.4, its `Vote` type). */
export function snapshotVote(from: Address, timestamp = 1_700_000_000): TypedDataToSign {
  return {
    domain: { name: 'snapshot', version: '0.1.4' },
    types: {
      Vote: [
        { name: 'from', type: 'string' },
        { name: 'space', type: 'string' },
        { name: 'timestamp', type: 'uint64' },
        { name: 'proposal', type: 'string' },
        { name: 'choice', type: 'uint32' },
        { name: 'reason', type: 'string' },
        { name: 'app', type: 'string' },
        { name: 'metadata', type: 'string' },
      ],
    },
    primaryType: 'Vote',
    message: {
      from,
      space: 'alex.eth',
      timestamp,
      proposal: '0x5b0ba9d2ab4e4e2b7c3c1a3e0c47a1c4d58b0d1e0b3e4b2b7c2a1e0d9f8e7c6b',
      choice: 1,
      reason: '',
      app: 'personal-token-companion',
      metadata: '{}',
    },
  };
}

/** An EIP-2612 permit: what a phishing site would love the companion to sign. */
export function permit(owner: Address): TypedDataToSign {
  return {
    domain: { name: 'Alex Masmej', version: '1', chainId: 31337, verifyingContract: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707' },
    types: {
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'Permit',
    message: { owner, spender: '0x000000000000000000000000000000000000dEaD', value: 2n ** 255n, nonce: 0n, deadline: 2n ** 64n },
  };
}
