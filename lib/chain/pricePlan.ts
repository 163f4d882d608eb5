import { parseAbi, zeroAddress, type Address } from 'viem';
import { erc20Abi, uniswapV2PairAbi } from './abis';
import { sortTokens, uniswapV2PairAddress } from './pairAddress';
import {
  UNISWAP_V3_FEES,
  UNISWAP_V4_POOL_SHAPES,
  uniswapV3PoolAddress,
  uniswapV4PoolId,
  V4_DYNAMIC_FEE_FLAG,
  v4PoolKey,
} from './poolAddress';
import { outcomeValue as value, type ContractRead, type ReadOutcome, type ReadPlan } from './readPlan';
import type { ChainConfig } from './types';
import type { PoolProtocol, PoolState } from '@/lib/holdings/core/poolPrice';

const v3PoolAbi = parseAbi([
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
  'function liquidity() view returns (uint128)',
]);
const stateViewAbi = parseAbi([
  'function getSlot0(bytes32 poolId) view returns (uint160 sqrtPriceX96, int24 tick, uint24 protocolFee, uint24 lpFee)',
  'function getLiquidity(bytes32 poolId) view returns (uint128 liquidity)',
]);

/** What a pool is quoted in: WETH, native ETH (V4 only), the chain's stablecoin, or a hub coin. */
export type QuoteKind = { kind: 'weth' } | { kind: 'eth' } | { kind: 'stable' } | { kind: 'hub'; hub: Address };

/** One pool that may exist, and what reading it gave (null: absent, empty or unreadable). */
export interface PoolReading {
  base: Address;
  quote: QuoteKind;
  protocol: PoolProtocol;
  fee: number | null;
  state: PoolState | null;
}

export interface PriceReads {
  /** WETH against the stablecoin: the ETH/USD candidates. */
  eth: PoolReading[];
  /** Each hub coin's metadata and direct pools. */
  hubs: { address: Address; symbol: string | null; decimals: number | null; pools: PoolReading[] }[];
  /** Per priced token (lower-case address), its pools against WETH, ETH, the stablecoin and each hub. */
  tokens: Map<string, PoolReading[]>;
}

interface Spec {
  base: Address;
  quote: QuoteKind;
  protocol: PoolProtocol;
  fee: number | null;
  reads: ContractRead[];
  decode(outcomes: readonly ReadOutcome[]): PoolState | null;
}

function quoteAddress(chain: ChainConfig, quote: QuoteKind): Address {
  if (quote.kind === 'weth') return chain.weth;
  if (quote.kind === 'eth') return zeroAddress;
  if (quote.kind === 'stable') return chain.stablecoin.address;
  return quote.hub;
}

const isToken0 = (base: Address, quote: Address) => sortTokens(base, quote)[0].toLowerCase() === base.toLowerCase();

/** Every pool between `base` and `quote` the chain's Uniswap deployments could hold. */
function poolSpecs(chain: ChainConfig, base: Address, quote: QuoteKind): Spec[] {
  const other = quoteAddress(chain, quote);
  const baseIsToken0 = isToken0(base, other);
  const specs: Spec[] = [];
  if (quote.kind !== 'eth') {
    const pair = uniswapV2PairAddress(chain.uniswapV2.factory, chain.uniswapV2.pairInitCodeHash, base, other);
    specs.push({
      base,
      quote,
      protocol: 'v2',
      fee: null,
      reads: [{ address: pair, abi: uniswapV2PairAbi, functionName: 'getReserves' }],
      decode: ([reserves]) => {
        const r = value<readonly [bigint, bigint, number]>(reserves);
        if (!r || r[0] === 0n || r[1] === 0n) return null;
        return { protocol: 'v2', baseReserve: baseIsToken0 ? r[0] : r[1], quoteReserve: baseIsToken0 ? r[1] : r[0] };
      },
    });
  }
  const v3 = chain.uniswapV3;
  if (v3 && quote.kind !== 'eth') {
    for (const fee of UNISWAP_V3_FEES) {
      const pool = uniswapV3PoolAddress(v3.factory, v3.poolInitCodeHash, base, other, fee);
      specs.push({
        base,
        quote,
        protocol: 'v3',
        fee,
        reads: [
          { address: pool, abi: v3PoolAbi, functionName: 'slot0' },
          { address: pool, abi: v3PoolAbi, functionName: 'liquidity' },
        ],
        decode: ([slot0, liquidity]) =>
          concentrated('v3', value<readonly [bigint, ...unknown[]]>(slot0)?.[0], value<bigint>(liquidity), baseIsToken0),
      });
    }
  }
  const v4 = chain.uniswapV4;
  if (v4) {
    const hooked = (v4.hookedPools ?? []).filter((s) => s.pairedWith.some((c) => c.toLowerCase() === other.toLowerCase()));
    const shapes = [...UNISWAP_V4_POOL_SHAPES.map((s) => ({ ...s, hooks: zeroAddress })), ...hooked];
    for (const { fee, tickSpacing, hooks } of shapes) {
      const id = uniswapV4PoolId(v4PoolKey(base, other, fee, tickSpacing, hooks));
      specs.push({
        base,
        quote,
        protocol: 'v4',
        // A dynamic fee is the hook's to set per swap: no fixed tier to name.
        fee: fee & V4_DYNAMIC_FEE_FLAG ? null : fee,
        reads: [
          { address: v4.stateView, abi: stateViewAbi, functionName: 'getSlot0', args: [id] },
          { address: v4.stateView, abi: stateViewAbi, functionName: 'getLiquidity', args: [id] },
        ],
        decode: ([slot0, liquidity]) =>
          concentrated('v4', value<readonly [bigint, ...unknown[]]>(slot0)?.[0], value<bigint>(liquidity), baseIsToken0),
      });
    }
  }
  return specs;
}

function concentrated(
  protocol: 'v3' | 'v4',
  sqrtPriceX96: bigint | undefined,
  liquidity: bigint | null,
  baseIsToken0: boolean,
): PoolState | null {
  if (!sqrtPriceX96 || !liquidity) return null;
  return { protocol, sqrtPriceX96, liquidity, baseIsToken0 };
}

function quotesFor(chain: ChainConfig, base: Address, hubs: Address[]): QuoteKind[] {
  const quotes: QuoteKind[] = [{ kind: 'weth' }, { kind: 'eth' }, { kind: 'stable' }];
  for (const hub of hubs) if (hub.toLowerCase() !== base.toLowerCase()) quotes.push({ kind: 'hub', hub });
  return quotes.filter((q) => quoteAddress(chain, q).toLowerCase() !== base.toLowerCase());
}

/**
 * The reads that find the pool that really trades each token: Uniswap V2, V3 (every standard fee)
 * and V4 (the common hookless shapes, and pools of hooks the chain config names, only against
 * the currencies that hook pairs with) against WETH, native ETH (V4), the stablecoin and each hub
 * coin, plus WETH/stablecoin for ETH/USD and each hub's own pools. Addresses and pool ids are
 * derived off-chain, so all of it rides in the refresh's one multicall.
 */
export function pricePlan(chain: ChainConfig, tokens: Address[]): ReadPlan<PriceReads> {
  const hubs = chain.hubTokens ?? [];
  const ethSpecs = poolSpecs(chain, chain.weth, { kind: 'stable' });
  const hubSpecs = hubs.map((hub) => quotesFor(chain, hub, []).flatMap((q) => poolSpecs(chain, hub, q)));
  const hubMeta: ContractRead[] = hubs.flatMap((hub) => [
    { address: hub, abi: erc20Abi, functionName: 'symbol' },
    { address: hub, abi: erc20Abi, functionName: 'decimals' },
  ]);
  const tokenSpecs = tokens.map((token) => quotesFor(chain, token, hubs).flatMap((q) => poolSpecs(chain, token, q)));
  const all = [ethSpecs, ...hubSpecs, ...tokenSpecs].flat();
  return {
    reads: [...hubMeta, ...all.flatMap((s) => s.reads)],
    decode(outcomes) {
      let at = hubMeta.length;
      const readAll = (specs: Spec[]): PoolReading[] =>
        specs.map((s) => {
          const state = s.decode(outcomes.slice(at, at + s.reads.length));
          at += s.reads.length;
          return { base: s.base, quote: s.quote, protocol: s.protocol, fee: s.fee, state };
        });
      const eth = readAll(ethSpecs);
      const hubReadings = hubs.map((address, i) => {
        const decimals = value<number>(outcomes[i * 2 + 1]);
        return {
          address,
          symbol: value<string>(outcomes[i * 2]),
          decimals: decimals === null ? null : Number(decimals),
          pools: readAll(hubSpecs[i] ?? []),
        };
      });
      const byToken = new Map<string, PoolReading[]>();
      tokens.forEach((token, i) => byToken.set(token.toLowerCase(), readAll(tokenSpecs[i] ?? [])));
      return { eth, hubs: hubReadings, tokens: byToken };
    },
  };
}
