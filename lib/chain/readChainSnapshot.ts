import type { ChainClient } from '@/lib/chain/createChainClient';
import type { Address, ContractFunctionParameters } from 'viem';
import { erc20Abi, multicall3ReadAbi } from './abis';
import { pricePlan, type PriceReads } from './pricePlan';
import { outcomeValue as value, type ContractRead, type ReadOutcome, type ReadPlan } from './readPlan';
import type { ChainConfig } from './types';
import { BaseError } from '@/lib/errors/baseError';

/**
 * Most reads one aggregate3 call carries. Public endpoints cap an eth_call's gas (often 50M, some
 * less); a read here costs up to ~25k gas, so 500 reads stay well inside the common caps even
 * when every pool exists. More reads are split into several calls sent in one JSON-RPC batch.
 */
export const MAX_READS_PER_CALL = 500;

export interface TokenReading {
  address: Address;
  name: string | null;
  symbol: string | null;
  decimals: number | null;
  /** Null when no account is given or the read failed. */
  balance: bigint | null;
}

export interface ChainSnapshot {
  chainId: number;
  blockNumber: bigint;
  blockTimestamp: bigint;
  tokens: TokenReading[];
  /** Every Uniswap V2/V3/V4 pool that could price the tokens (ETH/USD included), read at the same block (pricePlan.ts). */
  pools: PriceReads;
}

export type ReadStrategy = 'multicall' | 'one-call-per-read';

export interface SnapshotOptions {
  /** Reads per aggregate3 call (default MAX_READS_PER_CALL); the tests raise it to compare with one unchunked call. */
  maxReadsPerCall?: number;
}

/** The snapshot's own reads, in a fixed order that `readChainSnapshot` relies on. */
function planReads(chain: ChainConfig, tokens: Address[], account: Address | null): ContractRead[] {
  const reads: ContractRead[] = [{ address: chain.multicall3, abi: multicall3ReadAbi, functionName: 'getCurrentBlockTimestamp' }];
  for (const token of tokens) {
    reads.push(
      { address: token, abi: erc20Abi, functionName: 'name' },
      { address: token, abi: erc20Abi, functionName: 'symbol' },
      { address: token, abi: erc20Abi, functionName: 'decimals' },
      account
        ? { address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] }
        : { address: token, abi: erc20Abi, functionName: 'totalSupply' },
    );
  }
  return reads;
}

const READS_PER_TOKEN = 4;

/** Multicall3 did not answer, or the chunks of one refresh could not be read at one block. */
export class SnapshotBlockError extends BaseError {
  override name = 'SnapshotBlockError';
}

/**
 * All reads as aggregate3 calls of at most `maxReads` reads each, every call led by
 * Multicall3.getBlockNumber. The calls leave together, so the client's JSON-RPC batching sends
 * them as one HTTP request. Behind a load balancer they may land on nodes at different heights:
 * then all of them are asked again pinned to the lowest block seen (every node has it), again as
 * one batch. Returns the outcomes in order, and the block they were read at.
 */
export async function multicallChunked(
  client: ChainClient,
  multicall3: Address,
  reads: readonly ContractRead[],
  maxReads: number = MAX_READS_PER_CALL,
): Promise<{ blockNumber: bigint; outcomes: ReadOutcome[] }> {
  const head: ContractRead = { address: multicall3, abi: multicall3ReadAbi, functionName: 'getBlockNumber' };
  const perCall = Math.max(1, maxReads - 1);
  const chunks: ContractRead[][] = [];
  for (let i = 0; i < reads.length || chunks.length === 0; i += perCall) chunks.push([head, ...reads.slice(i, i + perCall)]);
  const send = (blockNumber?: bigint) =>
    Promise.all(
      chunks.map((chunk) => {
        // Reads of several ABIs in one call: viem checks each against the general shape only.
        const contracts: readonly ContractFunctionParameters[] = chunk;
        return client.multicall({ contracts, allowFailure: true, batchSize: 0, multicallAddress: multicall3, blockNumber });
      }),
    );
  const blocksOf = (answers: ReadOutcome[][]) => answers.map((a) => value<bigint>(a[0]));
  let answers = await send();
  let blocks = blocksOf(answers);
  if (blocks.some((b) => b === null)) {
    const failed = answers.find((a) => a[0]?.status === 'failure')?.[0];
    throw new SnapshotBlockError(`Multicall3 at ${multicall3} did not answer`, {
      code: 'chain.multicall',
      cause: failed?.status === 'failure' ? failed.error : undefined,
    });
  }
  if (new Set(blocks).size > 1) {
    const lowest = blocks.reduce((a, b) => (b! < a! ? b : a));
    answers = await send(lowest!);
    blocks = blocksOf(answers);
    if (blocks.some((b) => b !== lowest))
      throw new SnapshotBlockError('The RPC endpoint answered from different blocks; try again.', {
        code: 'chain.block-mismatch',
        details: `blocks ${blocks.join(', ')}`,
      });
  }
  return { blockNumber: blocks[0]!, outcomes: answers.flatMap((a) => a.slice(1)) };
}

async function execute(
  client: ChainClient,
  chain: ChainConfig,
  reads: ContractRead[],
  strategy: ReadStrategy,
  maxReads: number,
): Promise<{ blockNumber: bigint | null; outcomes: ReadOutcome[] }> {
  if (strategy === 'multicall') return multicallChunked(client, chain.multicall3, reads, maxReads);
  const outcomes = await Promise.all(
    [{ address: chain.multicall3, abi: multicall3ReadAbi, functionName: 'getBlockNumber' }, ...reads].map(
      (read: ContractFunctionParameters) =>
        client.readContract(read).then(
          (result): ReadOutcome => ({ status: 'success', result }),
          (error: Error): ReadOutcome => ({ status: 'failure', error }),
        ),
    ),
  );
  return { blockNumber: value<bigint>(outcomes[0]), outcomes: outcomes.slice(1) };
}

/**
 * Reads balances, token metadata, every candidate price pool and the ETH/USD pools for one chain,
 * all at the same block. With 'multicall' that is one HTTP request: one JSON-RPC batch of
 * aggregate3 calls of at most `maxReadsPerCall` reads each. 'one-call-per-read' is the naive
 * baseline the bench compares against.
 */
export async function readChainSnapshot<T = null>(
  client: ChainClient,
  chain: ChainConfig,
  tokens: Address[],
  account: Address | null,
  strategy: ReadStrategy = 'multicall',
  /** More reads to ride in the same request (income, liquidity, staking), with their own decoder. */
  extra?: ReadPlan<T>,
  options: SnapshotOptions = {},
): Promise<ChainSnapshot & { extra: T | null }> {
  const own = planReads(chain, tokens, account);
  const prices = pricePlan(chain, tokens);
  const reads = [...own, ...prices.reads, ...(extra?.reads ?? [])];
  const { blockNumber, outcomes } = await execute(client, chain, reads, strategy, options.maxReadsPerCall ?? MAX_READS_PER_CALL);
  const extraStart = own.length + prices.reads.length;
  const blockTimestamp = value<bigint>(outcomes[0]);
  if (blockNumber === null || blockTimestamp === null) {
    const cause = outcomes[0]?.status === 'failure' ? outcomes[0].error : undefined;
    throw new SnapshotBlockError(`Multicall3 at ${chain.multicall3} did not answer on ${chain.name}`, { code: 'chain.multicall', cause });
  }
  return {
    chainId: chain.chainId,
    extra: extra ? extra.decode(outcomes.slice(extraStart)) : null,
    pools: prices.decode(outcomes.slice(own.length, extraStart)),
    blockNumber,
    blockTimestamp,
    tokens: tokens.map((address, index) => {
      const at = (offset: number) => outcomes[1 + index * READS_PER_TOKEN + offset];
      const decimals = value<number>(at(2));
      return {
        address,
        name: value<string>(at(0)),
        symbol: value<string>(at(1)),
        decimals: decimals === null ? null : Number(decimals),
        balance: account ? value<bigint>(at(3)) : null,
      };
    }),
  };
}
