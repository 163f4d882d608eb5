import { encodeFunctionData, getAddress, type Address, type Hex } from 'viem';
import { merkleDistributorAbi } from './abis';
import type { VerifiedClaim } from './verifyClaimProof';

export interface ContractCall {
  to: Address;
  data: Hex;
}

/**
 * `claim(index, account, amount, proof)` for the manifest's distributor. Takes only a
 * VerifiedClaim, so a tampered entry cannot reach the wallet. Anyone may send it; the tokens
 * always go to `claim.account`.
 */
export function buildClaimCall(distributor: Address, claim: VerifiedClaim): ContractCall {
  return {
    to: getAddress(distributor),
    data: encodeFunctionData({
      abi: merkleDistributorAbi,
      functionName: 'claim',
      args: [claim.index, claim.account, claim.amount, claim.proof],
    }),
  };
}
