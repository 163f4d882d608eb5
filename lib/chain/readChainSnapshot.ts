import type { Address, ContractFunctionParameters, PublicClient } from 'viem';
import { erc20Abi, multicall3ReadAbi, uniswapV2PairAbi } from './abis';
import { sortTokens, uniswapV2PairAddress } from './pairAddress';
import { pricePlan, type PriceReads } from './pricePlan';
import { outcomeValue as value, type ContractRead, type ReadOutcome, type ReadPlan } from './readPlan';
import type { ChainConfig } from './types';

export interface TokenReading {
  address: Address;
  name: string | null;
  symbol: string | null;
  decimals: number | null;
  /** Null when no account is given or the read failed. */
  balance: bigint | null;
  /** Reserves of the token/WETH pair; null when the pair does not exist. */
  wethPair: { address: Address; tokenReserve: bigint; wethReserve: bigint } | null;
}

export interface ChainSnapshot {
  chainId: number;
  blockNumber: bigint;
  blockTimestamp: bigint;
  /** WETH/stablecoin reserves, normalised to 18 decimals; null when the pool is missing. */
  usdPool: { wethReserve: bigint; stableReserveE18: bigint } | null;
  tokens: TokenReading[];
  /** Every Uniswap V2/V3/V4 pool that could price the tokens, read in the same call (pricePlan.ts). */
  pools: PriceReads;
}

export type ReadStrategy = 'multicall' | 'one-call-per-read';

interface Read {
  address: Address;
  abi: typeof erc20Abi | typeof uniswapV2PairAbi | typeof multicall3ReadAbi;
  functionName: string;
  args?: readonly unknown[];
}

/** Every read of a refresh for one chain, in a fixed order that `decode` relies on. */
function planReads(chain: ChainConfig, tokens: Address[], account: Address | null): Read[] {
  const reads: Read[] = [
    { address: chain.multicall3, abi: multicall3ReadAbi, functionName: 'getBlockNumber' },
    { address: chain.multicall3, abi: multicall3ReadAbi, functionName: 'getCurrentBlockTimestamp' },
    { address: chain.usdPrice.pair, abi: uniswapV2PairAbi, functionName: 'getReserves' },
  ];
  for (const token of tokens) {
    reads.push(
      { address: token, abi: erc20Abi, functionName: 'name' },
      { address: token, abi: erc20Abi, functionName: 'symbol' },
      { address: token, abi: erc20Abi, functionName: 'decimals' },
      account
        ? { address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] }
        : { address: token, abi: erc20Abi, functionName: 'totalSupply' },
      { address: wethPairOf(chain, token), abi: uniswapV2PairAbi, functionName: 'getReserves' },
    );
  }
  return reads;
}

const READS_PER_TOKEN = 5;

function wethPairOf(chain: ChainConfig, token: Address): Address {
  const { factory, pairInitCodeHash, weth } = chain.uniswapV2;
  return uniswapV2PairAddress(factory, pairInitCodeHash, token, weth);
}

async function execute(client: PublicClient, chain: ChainConfig, reads: ContractRead[], strategy: ReadStrategy): Promise<ReadOutcome[]> {
  if (strategy === 'multicall') {
    // batchSize 0: one aggregate3 call for the whole refresh, however many tokens.
    const contracts: readonly ContractFunctionParameters[] = reads;
    return client.multicall({ contracts, allowFailure: true, batchSize: 0, multicallAddress: chain.multicall3 });
  }
  return Promise.all(
    reads.map((read: ContractFunctionParameters) =>
      client.readContract(read).then(
        (result): ReadOutcome => ({ status: 'success', result }),
        (error: Error): ReadOutcome => ({ status: 'failure', error }),
      ),
    ),
  );
}

function reservesFor(chain: ChainConfig, token: Address, outcome: ReadOutcome | undefined): TokenReading['wethPair'] {
  const reserves = value<readonly [bigint, bigint, number]>(outcome);
  if (!reserves || reserves[0] === 0n || reserves[1] === 0n) return null;
  const [token0] = sortTokens(token, chain.uniswapV2.weth);
  const tokenIsToken0 = token0.toLowerCase() === token.toLowerCase();
  return {
    address: wethPairOf(chain, token),
    tokenReserve: tokenIsToken0 ? reserves[0] : reserves[1],
    wethReserve: tokenIsToken0 ? reserves[1] : reserves[0],
  };
}

/**
 * Reads balances, token metadata, pool reserves and the ETH/USD pool for one chain, all pinned
 * to the same block. With 'multicall' that is one eth_call; 'one-call-per-read' is the naive
 * baseline the bench compares against.
 */
export async function readChainSnapshot<T = null>(
  client: PublicClient,
  chain: ChainConfig,
  tokens: Address[],
  account: Address | null,
  strategy: ReadStrategy = 'multicall',
  /** More reads to ride in the same call (income, liquidity, staking), with their own decoder. */
  extra?: ReadPlan<T>,
): Promise<ChainSnapshot & { extra: T | null }> {
  const own = planReads(chain, tokens, account);
  const prices = pricePlan(chain, tokens);
  const outcomes = await execute(client, chain, [...own, ...prices.reads, ...(extra?.reads ?? [])], strategy);
  const extraStart = own.length + prices.reads.length;
  const blockNumber = value<bigint>(outcomes[0]);
  const blockTimestamp = value<bigint>(outcomes[1]);
  if (blockNumber === null || blockTimestamp === null) {
    const cause = outcomes[0]?.status === 'failure' ? outcomes[0].error : undefined;
    throw new Error(`Multicall3 at ${chain.multicall3} did not answer on ${chain.name}`, { cause });
  }
  const usdPool = reservesFor(chain, chain.usdPrice.stablecoin, outcomes[2]);
  const stableScale = 10n ** BigInt(18 - chain.usdPrice.stablecoinDecimals);
  return {
    chainId: chain.chainId,
    extra: extra ? extra.decode(outcomes.slice(extraStart)) : null,
    pools: prices.decode(outcomes.slice(own.length, extraStart)),
    blockNumber,
    blockTimestamp,
    usdPool: usdPool && { wethReserve: usdPool.wethReserve, stableReserveE18: usdPool.tokenReserve * stableScale },
    tokens: tokens.map((address, index) => {
      const at = (offset: number) => outcomes[3 + index * READS_PER_TOKEN + offset];
      const decimals = value<number>(at(2));
      return {
        address,
        name: value<string>(at(0)),
        symbol: value<string>(at(1)),
        decimals: decimals === null ? null : Number(decimals),
        balance: account ? value<bigint>(at(3)) : null,
        wethPair: reservesFor(chain, address, at(4)),
      };
    }),
  };
}
