import type { ChainClient } from '@/lib/chain/createChainClient';
import { decodeFunctionResult, encodeFunctionData, multicall3Abi, type Address } from 'viem';
import { erc20Abi } from '@/lib/chain/abis';
import type { ChainConfig } from '@/lib/chain/types';

/**
 * One aggregate3 call: the account's balance of each token in the chunk. A token whose call
 * fails or answers something that is not a uint256 (no contract, a revert) counts as 0; a failure
 * of the call itself (endpoint down, limit hit) throws, so earlier finds are kept.
 */
export async function balancesOf<T extends { address: Address }>(
  client: ChainClient,
  chain: Pick<ChainConfig, 'multicall3'>,
  chunk: readonly T[],
  account: Address,
): Promise<{ token: T; balance: bigint }[]> {
  const callData = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [account] });
  const results = await client.readContract({
    address: chain.multicall3,
    abi: multicall3Abi,
    functionName: 'aggregate3',
    args: [chunk.map((token) => ({ target: token.address, allowFailure: true, callData }))],
  });
  return chunk.map((token, i) => {
    const result = results[i];
    let balance = 0n;
    if (result?.success && result.returnData.length === 66) {
      balance = decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: result.returnData });
    }
    return { token, balance };
  });
}
