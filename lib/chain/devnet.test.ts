import { expect, test } from 'vitest';
import { DEVNET_A, DEVNET_B, DEVNET_C, DEVNET_CHAINS } from './devnet';
import { uniswapV2PairAddress } from './pairAddress';

test('each devnet chain prices ETH through the WETH/USDC pair its factory creates', () => {
  const deployments = [DEVNET_A, DEVNET_B, DEVNET_C];
  expect(DEVNET_CHAINS.map((c) => c.chainId)).toEqual(deployments.map((d) => d.chainId));
  for (const [i, chain] of DEVNET_CHAINS.entries()) {
    const d = deployments[i]!;
    expect(chain.usdPrice.pair, chain.name).toBe(uniswapV2PairAddress(d.factory, chain.uniswapV2.pairInitCodeHash, d.weth, d.usdc));
  }
});
