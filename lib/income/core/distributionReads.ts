import { getAddress, type Address, type Hex } from 'viem';
import { merkleDistributorAbi } from './abis';
import { outcomeValue, type ContractRead, type ReadPlan } from '../../chain/readPlan';
import { lowerHex } from '@/lib/chain/lowerHex';

export interface DistributionRoundInput {
  /** The manifest's round id. */
  id: string;
  distributor: Address;
  /** The holder's index from the claims file; null when they are not in it (or it is not loaded yet). */
  index: bigint | null;
}

export interface DistributionReading {
  /** Null when the read failed (no contract there, RPC error). */
  merkleRoot: Hex | null;
  /** The token the distributor pays, to compare with what the manifest says. */
  token: Address | null;
  /** Null when there is no index to ask about, or the read failed. */
  isClaimed: boolean | null;
}

/**
 * merkleRoot, token and isClaimed(index) for every round, for one multicall. `account` is not a
 * read argument (isClaimed is per index) but names whose index the rounds carry, so a plan built
 * for one holder is never decoded for another.
 */
export function planDistributionReads(
  rounds: readonly DistributionRoundInput[],
  account: Address,
): ReadPlan<Map<string, DistributionReading> & { account: Address }> {
  const reads: ContractRead[] = [];
  for (const round of rounds) {
    const address = getAddress(round.distributor);
    reads.push(
      { address, abi: merkleDistributorAbi, functionName: 'merkleRoot' },
      { address, abi: merkleDistributorAbi, functionName: 'token' },
    );
    if (round.index !== null) reads.push({ address, abi: merkleDistributorAbi, functionName: 'isClaimed', args: [round.index] });
  }
  return {
    reads,
    decode(outcomes) {
      const byId = Object.assign(new Map<string, DistributionReading>(), { account: getAddress(account) });
      let at = 0;
      for (const round of rounds) {
        const merkleRoot = outcomeValue<Hex>(outcomes[at++]);
        const token = outcomeValue<Address>(outcomes[at++]);
        const isClaimed = round.index === null ? null : outcomeValue<boolean>(outcomes[at++]);
        byId.set(round.id, { merkleRoot: merkleRoot && lowerHex(merkleRoot), token, isClaimed });
      }
      return byId;
    },
  };
}
