import { getAddress, isAddress, zeroAddress, type Address } from 'viem';
import { describe, expect, test } from 'vitest';
import { ARBITRUM_ONE, BASE, BASE_ZORA, OPTIMISM } from './l2Chains';
import { ETHEREUM_MAINNET } from './mainnet';
import { uniswapV2PairAddress } from './pairAddress';
import { uniswapV4PoolId, v4PoolKey } from './poolAddress';
import { pricePlan } from './pricePlan';
import type { ChainConfig } from './types';

const RELEASE: ChainConfig[] = [ETHEREUM_MAINNET, BASE, OPTIMISM, ARBITRUM_ONE];

/** Every address-shaped string inside a config, with where it sits. */
function addressesOf(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return /^0x[0-9a-fA-F]{40}$/.test(value) ? [[path, value]] : [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => addressesOf(v, `${path}.${k}`));
  return [];
}

describe.each(RELEASE.map((c) => [c.name, c] as const))('%s', (_name, chain) => {
  test('every address is EIP-55 checksummed as written', () => {
    const found = addressesOf(chain, chain.name);
    expect(found.length).toBeGreaterThanOrEqual(8); // Multicall3, WETH (twice), USDC, V2, V3 factories, V4 PoolManager and StateView
    for (const [path, address] of found) expect(address, path).toBe(getAddress(address));
  });

  test('has what pricing needs: Multicall3, WETH, a 6-decimal USDC, V2, V3 and V4', () => {
    expect(chain.multicall3).toBe('0xcA11bde05977b3631167028862bE2a173976CA11');
    expect(isAddress(chain.weth, { strict: true })).toBe(true);
    expect(chain.uniswapV2.weth).toBe(chain.weth);
    expect(chain.stablecoin).toMatchObject({ symbol: 'USDC', decimals: 6 });
    expect(chain.uniswapV3?.poolInitCodeHash).toBe('0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54');
    expect(chain.uniswapV4?.poolManager).toMatch(/^0x/);
    expect(chain.uniswapV4?.stateView).toMatch(/^0x/);
    expect(chain.rpcUrls).toHaveLength(2);
    for (const url of chain.rpcUrls) expect(new URL(url).protocol).toBe('https:');
  });
});

test('chain ids are the four release chains, each once', () => {
  expect(RELEASE.map((c) => c.chainId)).toEqual([1, 8453, 10, 42161]);
});

test('the mainnet USDC/WETH V2 pair derived by CREATE2 is the well-known pair', () => {
  // 0xB4e1…C9Dc is the Uniswap V2 USDC/WETH pair on Ethereum (app.uniswap.org, etherscan).
  const pair: Address = uniswapV2PairAddress(
    ETHEREUM_MAINNET.uniswapV2.factory,
    ETHEREUM_MAINNET.uniswapV2.pairInitCodeHash,
    ETHEREUM_MAINNET.weth,
    ETHEREUM_MAINNET.stablecoin.address,
  );
  expect(pair).toBe('0xB4e16d0168e52d35CaCD2c6185b44281Ec28C9Dc');
});

test('no two release chains share a USDC address (a mix-up would price one chain with another)', () => {
  expect(new Set(RELEASE.map((c) => c.stablecoin.address)).size).toBe(4);
});

test('Base prices Zora creator coins through ZORA: the hub is the checksummed ZORA token, and only Base has it', () => {
  // ourzora/zora-protocol packages/coins/src/libs/CreatorCoinConstants.sol: CURRENCY.
  expect(BASE_ZORA).toBe(getAddress('0x1111111111166b7fe7bd91427724b487980afc69'));
  expect(BASE.hubTokens).toEqual([BASE_ZORA]);
  for (const chain of [ETHEREUM_MAINNET, OPTIMISM, ARBITRUM_ONE]) expect(chain.hubTokens ?? []).toEqual([]);
  // The hub's own pools (against WETH, ETH and USDC) and its metadata ride in the price plan.
  const plan = pricePlan(BASE, []);
  expect(plan.reads.filter((r) => r.address === BASE_ZORA).map((r) => r.functionName)).toEqual(['symbol', 'decimals']);
});

test('Base reads Zora coin pools with their known hooks: a creator coin against ZORA at 1% and 3%, tick spacing 200', () => {
  const coin = '0x00000000000000000000000000000000C0111111';
  const creatorHook = '0xd61A675F8a0c67A73DC3B54FB7318B4D91409040';
  const ids = pricePlan(BASE, [coin])
    .reads.filter((r) => r.functionName === 'getSlot0')
    .map((r) => r.args?.[0]);
  for (const fee of [10_000, 30_000]) expect(ids).toContain(uniswapV4PoolId(v4PoolKey(coin, BASE_ZORA, fee, 200, creatorHook)));
  // A creator-coin hook pool is only ever against ZORA: never read against WETH, ETH or USDC.
  for (const other of [BASE.weth, zeroAddress, BASE.stablecoin.address])
    for (const fee of [10_000, 30_000]) expect(ids).not.toContain(uniswapV4PoolId(v4PoolKey(coin, other, fee, 200, creatorHook)));
  expect(BASE.uniswapV4?.hookedPools?.every((p) => p.source.includes('zora-protocol'))).toBe(true);
  // The other release chains name no hook: hooked pools there are never read.
  for (const chain of [ETHEREUM_MAINNET, OPTIMISM, ARBITRUM_ONE]) expect(chain.uniswapV4?.hookedPools ?? []).toEqual([]);
});

test('reads per priced token: hooked V4 pools are read only against what their hook pairs with (Base: 16 hooked reads, was 32)', () => {
  const coin = '0x00000000000000000000000000000000C0111111';
  const perToken = (chain: ChainConfig) => pricePlan(chain, [coin]).reads.length - pricePlan(chain, []).reads.length;
  const hookless: ChainConfig = { ...BASE, uniswapV4: { ...BASE.uniswapV4!, hookedPools: [] } };
  // V2 (3 quotes) + V3 (4 fees × 2 reads × 3 quotes) + hookless V4 (4 shapes × 2 reads × 4 quotes) = 3 + 24 + 32.
  expect(perToken(hookless)).toBe(59);
  // Creator-coin hook: ZORA only; content-coin hook: ZORA, ETH and WETH; each at 2 fees × 2 reads.
  expect(perToken(BASE) - perToken(hookless)).toBe(2 * 2 * (1 + 3));
  expect(perToken(ETHEREUM_MAINNET)).toBe(42);
});
