import { getAddress, type Address, type ContractFunctionParameters, type PublicClient } from 'viem';
import { erc20Abi, uniswapV2PairAbi } from '../../chain/abis';
import { uniswapV2PairAddress } from '../../chain/pairAddress';
import type { ChainConfig } from '../../chain/types';
import { VotingPowerError } from './errors';

// Voting power at a proposal's snapshot block: the creator token in the wallet, plus, where the
// space counts liquidity, the creator tokens the holder's LP share of the token/WETH pool is
// worth at that block. Every read is pinned to the block and batched in Multicall3 chunks.

/**
 * Calls per multicall, measured on anvil with 10,000 voters (test/bench/tallyVotes.ts): the time
 * hardly moves between 250 and 1,000 (the node's execution dominates), but size does. A balanceOf
 * costs ~224 bytes of aggregate3 calldata, and a client with JSON-RPC batching (ours) sends the
 * concurrent chunks in one HTTP body: 4 × 2,000 calls is 3.6 MB, past anvil's 2 MB request limit
 * (and the 1–5 MB of common nodes). 4 × 500 stays under 1 MB, at ~3.5M gas per call.
 */
export const POWER_CHUNK_SIZE = 500;
const CONCURRENT_CHUNKS = 4;

export interface VotingPowerSource {
  token: Address;
  multicall3: Address;
  /** The token/WETH Uniswap V2 pair whose LP shares count; null when the space does not count liquidity. */
  liquidityPair: Address | null;
}

export interface VotingPower {
  wallet: bigint;
  /** Creator tokens behind the holder's LP share: LP balance × token reserve / LP supply, rounded down. */
  liquidity: bigint;
  total: bigint;
}

export interface VotingPowerReading {
  blockNumber: bigint;
  decimals: number;
  /** By lower-case address; null when that holder's balance could not be read. */
  powers: Map<string, VotingPower | null>;
}

/** Where to read power for `token` on `chain`, following the manifest's `votes.countLiquidity`. */
export function votingPowerSource(chain: ChainConfig, token: Address, countLiquidity: boolean): VotingPowerSource {
  const { factory, pairInitCodeHash, weth } = chain.uniswapV2;
  return {
    token,
    multicall3: chain.multicall3,
    liquidityPair: countLiquidity ? uniswapV2PairAddress(factory, pairInitCodeHash, token, weth) : null,
  };
}

export function tokensInLiquidity(lpBalance: bigint, tokenReserve: bigint, lpSupply: bigint): bigint {
  return lpSupply === 0n ? 0n : (lpBalance * tokenReserve) / lpSupply;
}

type Call = { address: Address; abi: typeof erc20Abi | typeof uniswapV2PairAbi; functionName: string; args?: readonly unknown[] };
type Outcome = { status: 'success'; result: unknown } | { status: 'failure'; error: Error };

export async function readVotingPower(
  client: PublicClient,
  source: VotingPowerSource,
  voters: readonly string[],
  blockNumber: bigint,
  options: { chunkSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<VotingPowerReading> {
  const unique = [...new Set(voters.map((v) => v.toLowerCase()))];
  const pair = source.liquidityPair;
  const head: Call[] = [{ address: source.token, abi: erc20Abi, functionName: 'decimals' }];
  if (pair) {
    head.push(
      { address: pair, abi: uniswapV2PairAbi, functionName: 'getReserves' },
      { address: pair, abi: uniswapV2PairAbi, functionName: 'totalSupply' },
      { address: pair, abi: uniswapV2PairAbi, functionName: 'token0' },
    );
  }
  const perVoter = pair ? 2 : 1;
  const calls: Call[] = [...head];
  for (const voter of unique) {
    const account = getAddress(voter);
    calls.push({ address: source.token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });
    if (pair) calls.push({ address: pair, abi: uniswapV2PairAbi, functionName: 'balanceOf', args: [account] });
  }
  const outcomes = await runChunked(client, source, calls, blockNumber, options.chunkSize ?? POWER_CHUNK_SIZE, (done) =>
    options.onProgress?.(Math.min(unique.length, Math.max(0, Math.floor((done - head.length) / perVoter))), unique.length),
  );
  const decimals = value<number>(outcomes[0]);
  if (decimals === null) throw new VotingPowerError(`The token ${source.token} did not answer at block ${blockNumber}`);
  let tokenReserve = 0n;
  let lpSupply = 0n;
  if (pair) {
    const reserves = value<readonly [bigint, bigint, number]>(outcomes[1]);
    const supply = value<bigint>(outcomes[2]);
    const token0 = value<Address>(outcomes[3]);
    if (!reserves || supply === null || !token0) throw new VotingPowerError(`The pool ${pair} did not answer at block ${blockNumber}`);
    tokenReserve = token0.toLowerCase() === source.token.toLowerCase() ? reserves[0] : reserves[1];
    lpSupply = supply;
  }
  const powers = new Map<string, VotingPower | null>();
  unique.forEach((voter, i) => {
    const at = head.length + i * perVoter;
    const wallet = value<bigint>(outcomes[at]);
    const lp = pair ? value<bigint>(outcomes[at + 1]) : 0n;
    if (wallet === null || lp === null) return void powers.set(voter, null);
    const liquidity = tokensInLiquidity(lp, tokenReserve, lpSupply);
    powers.set(voter, { wallet, liquidity, total: wallet + liquidity });
  });
  return { blockNumber, decimals: Number(decimals), powers };
}

async function runChunked(
  client: PublicClient,
  source: VotingPowerSource,
  calls: Call[],
  blockNumber: bigint,
  chunkSize: number,
  onDone: (calls: number) => void,
): Promise<Outcome[]> {
  const chunks: Call[][] = [];
  for (let i = 0; i < calls.length; i += chunkSize) chunks.push(calls.slice(i, i + chunkSize));
  const results: Outcome[][] = new Array(chunks.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const index = next++;
      const chunk = chunks[index]!;
      try {
        // batchSize 0: the chunk is one aggregate3, whatever its calldata size.
        const contracts: readonly ContractFunctionParameters[] = chunk;
        const outcomes: Outcome[] = await client.multicall({
          contracts,
          allowFailure: true,
          blockNumber,
          batchSize: 0,
          multicallAddress: source.multicall3,
        });
        // viem reports a failed request as every call failing with that one error: that is the
        // node refusing the chunk (too large, block unknown), not each holder's balance failing.
        const first = outcomes[0];
        const wholeChunk = first?.status === 'failure' && (first.error as { functionName?: string }).functionName === 'aggregate3';
        if (wholeChunk && outcomes.every((o) => o.status === 'failure' && o.error === first.error)) throw first.error;
        results[index] = outcomes;
      } catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new VotingPowerError(`Could not read balances at block ${blockNumber}`, { details: why, cause: error });
      }
      done += chunk.length;
      onDone(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_CHUNKS, chunks.length) }, worker));
  return results.flat();
}

function value<T>(outcome: Outcome | undefined): T | null {
  return outcome?.status === 'success' ? (outcome.result as T) : null;
}
