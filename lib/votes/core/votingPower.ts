import type { ChainClient } from '@/lib/chain/createChainClient';
import { decodeFunctionResult, encodeFunctionData, multicall3Abi, prepareEncodeFunctionData, type Address, type Hex } from 'viem';
import { erc20Abi, uniswapV2PairAbi } from '../../chain/abis';
import { uniswapV2PairAddress } from '../../chain/pairAddress';
import type { ChainConfig } from '../../chain/types';
import { decodeBalanceScan, encodeBalanceScan } from './balanceScan';
import { VotingPowerError } from './errors';

// Voting power at a proposal's snapshot block: the creator token in the wallet, plus, where the
// space counts liquidity, the creator tokens the holder's LP share of the token/WETH pool is
// worth at that block. Every read is pinned to the block: the pool's in one Multicall3 call, the
// holders' balances in chunks of a balance scan (balanceScan.ts).

/**
 * Balances per eth_call. With Multicall3, the time hardly moved between 250 and 1,000 calls on
 * anvil with 10,000 voters (test/bench/tallyVotes.ts): the node's execution dominates. A balance
 * scan costs ~20 bytes of calldata per holder and 32 of answer per balance, so 4 concurrent
 * chunks (one HTTP body: our client batches JSON-RPC) are ~50 KB; gas is ~3.5M per chunk.
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

type Outcome = { success: boolean; returnData: Hex };

/**
 * Reading power as voters become known: `add` queues voters (any case, each read once) and sends
 * a Multicall3 chunk as soon as one is full, up to CONCURRENT_CHUNKS at a time; `finish` reads the
 * rest and resolves with every power. A verified tally adds each batch of checked voters while
 * later signatures are still being checked: the node (another process) reads balances meanwhile.
 */
export interface VotingPowerReader {
  add(voters: readonly string[]): void;
  finish(): Promise<VotingPowerReading>;
}

// The voters' chunks are balance scans (balanceScan.ts; viem's multicall cost ~700 ms of the
// tallying thread for 10,000 voters, its every address checked); the few head reads go through viem.
/** viem's isAddress without its LRU cache (which thrashes at 10,000 voters); any case accepted. */
const isHexAddress = (v: string): v is Address => /^0x[0-9a-fA-F]{40}$/.test(v);
const aggregate3 = prepareEncodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3' });

export function startVotingPowerReading(
  client: ChainClient,
  source: VotingPowerSource,
  blockNumber: bigint,
  options: { chunkSize?: number; onProgress?: (done: number, total: number) => void } = {},
): VotingPowerReader {
  const pair = source.liquidityPair;
  const perVoter = pair ? 2 : 1;
  const votersPerChunk = Math.max(1, Math.floor((options.chunkSize ?? POWER_CHUNK_SIZE) / perVoter));
  const tokens = pair ? [source.token, pair] : [source.token];
  /** An eth_call at the block: to Multicall3, or with no `to` (null) for a balance scan. */
  const call = async (data: Hex, to: Address | null): Promise<Hex> => {
    try {
      const { data: returned } = await client.call({ ...(to && { to }), data, blockNumber });
      return returned ?? '0x';
    } catch (error) {
      throw powerError(blockNumber, error);
    }
  };
  const aggregate = async (calls: readonly { target: Address; callData: Hex }[]): Promise<readonly Outcome[]> => {
    const returned = await call(
      encodeFunctionData({ ...aggregate3, args: [calls.map((c) => ({ ...c, allowFailure: true }))] }),
      source.multicall3,
    );
    try {
      return decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data: returned });
    } catch (error) {
      throw powerError(blockNumber, error); // a node that answers nothing (no Multicall3 at that block) or garbage
    }
  };

  const head = readHead(aggregate, source, blockNumber);
  head.catch(() => {}); // thrown by `finish`, which may come much later: not an unhandled rejection meanwhile
  const queued = new Set<string>();
  const pending: string[] = [];
  const powers = new Map<string, VotingPower | null>();
  const reads: Promise<void>[] = [];
  let failed: unknown = null;
  let running = 0;
  let done = 0;
  const waiting: (() => void)[] = [];
  let finished = false;

  const readChunk = async (voters: readonly Address[]) => {
    if (running < CONCURRENT_CHUNKS) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing chunk hands its slot over
    try {
      const returned = await call(encodeBalanceScan(tokens, voters), null);
      let balances: (bigint | null)[];
      try {
        balances = decodeBalanceScan(returned, voters.length * perVoter);
      } catch (error) {
        throw powerError(blockNumber, error);
      }
      const { tokenReserve, lpSupply } = await head;
      voters.forEach((voter, i) => {
        const wallet = balances[i * perVoter] ?? null;
        const lp = pair ? (balances[i * perVoter + 1] ?? null) : 0n;
        if (wallet === null || lp === null) return void powers.set(voter, null);
        const liquidity = tokensInLiquidity(lp, tokenReserve, lpSupply);
        powers.set(voter, { wallet, liquidity, total: wallet + liquidity });
      });
      done += voters.length;
      options.onProgress?.(done, queued.size);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
  const send = (voters: string[]) => {
    const valid = voters.filter(isHexAddress);
    for (const v of voters) if (!isHexAddress(v)) powers.set(v, null); // not an address: unreadable
    if (valid.length === 0) return;
    // Caught now (an unhandled rejection would surface before `finish` is awaited), thrown by `finish`.
    reads.push(readChunk(valid).catch((error: unknown) => void (failed ??= error)));
  };

  return {
    add(voters) {
      if (finished) throw new Error('voting power: voters added after finish()');
      for (const v of voters) {
        const key = v.toLowerCase();
        if (queued.has(key)) continue;
        queued.add(key);
        pending.push(key);
      }
      while (pending.length >= votersPerChunk) send(pending.splice(0, votersPerChunk));
    },
    async finish() {
      finished = true;
      if (pending.length > 0) send(pending.splice(0));
      const { decimals } = await head;
      await Promise.all(reads);
      if (failed !== null) throw failed;
      if (queued.size === 0) options.onProgress?.(0, 0);
      // In the order voters were first added, as the one-shot read returned them.
      const ordered = new Map<string, VotingPower | null>();
      for (const voter of queued) ordered.set(voter, powers.get(voter) ?? null);
      return { blockNumber, decimals, powers: ordered };
    },
  };
}

export async function readVotingPower(
  client: ChainClient,
  source: VotingPowerSource,
  voters: readonly string[],
  blockNumber: bigint,
  options: { chunkSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<VotingPowerReading> {
  const reader = startVotingPowerReading(client, source, blockNumber, options);
  reader.add(voters);
  return reader.finish();
}

/** The token's decimals and, when liquidity counts, the pool's reserves and LP supply, at the block. */
async function readHead(
  aggregate: (calls: readonly { target: Address; callData: Hex }[]) => Promise<readonly Outcome[]>,
  source: VotingPowerSource,
  blockNumber: bigint,
): Promise<{ decimals: number; tokenReserve: bigint; lpSupply: bigint }> {
  const pair = source.liquidityPair;
  const calls = [{ target: source.token, callData: encodeFunctionData({ abi: erc20Abi, functionName: 'decimals' }) }];
  if (pair) {
    for (const functionName of ['getReserves', 'totalSupply', 'token0'] as const)
      calls.push({ target: pair, callData: encodeFunctionData({ abi: uniswapV2PairAbi, functionName }) });
  }
  const outcomes = await aggregate(calls);
  // As viem's multicall: a failed call, no data or undecodable data is no value.
  const data = (i: number) => (outcomes[i]?.success && outcomes[i].returnData !== '0x' ? outcomes[i].returnData : null);
  const decoded = <T>(i: number, decode: (data: Hex) => T): T | null => {
    const d = data(i);
    if (d === null) return null;
    try {
      return decode(d);
    } catch {
      return null;
    }
  };
  const decimals = decoded(0, (d) => decodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', data: d }));
  if (decimals === null) throw new VotingPowerError(`The token ${source.token} did not answer at block ${blockNumber}`);
  if (!pair) return { decimals, tokenReserve: 0n, lpSupply: 0n };
  const reserves = decoded(1, (d) => decodeFunctionResult({ abi: uniswapV2PairAbi, functionName: 'getReserves', data: d }));
  const supply = decoded(2, (d) => decodeFunctionResult({ abi: uniswapV2PairAbi, functionName: 'totalSupply', data: d }));
  const token0 = decoded(3, (d) => decodeFunctionResult({ abi: uniswapV2PairAbi, functionName: 'token0', data: d }));
  if (!reserves || supply === null || !token0) throw new VotingPowerError(`The pool ${pair} did not answer at block ${blockNumber}`);
  return { decimals, tokenReserve: token0.toLowerCase() === source.token.toLowerCase() ? reserves[0] : reserves[1], lpSupply: supply };
}

function powerError(blockNumber: bigint, error: unknown): VotingPowerError {
  const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new VotingPowerError(`Could not read balances at block ${blockNumber}`, { details: why, cause: error });
}
