import { expect, test } from 'vitest';
import { describePriceSource, shortPriceLine } from './describePriceSource';

const E18 = 10n ** 18n;

test('a reliable source names protocol, fee, pair and depth', () => {
  expect(
    describePriceSource(
      { protocol: 'v4', fee: 3000, pair: 'JESS/WETH', via: null, depthUsdE18: (60_000n * E18).toString(), reliable: true },
      'en-US',
    ),
  ).toBe('Uniswap V4 0.3% JESS/WETH, $60,000.00 deep');
  expect(
    describePriceSource(
      { protocol: 'v2', fee: null, pair: 'ALEX/WETH', via: null, depthUsdE18: (600_000n * E18).toString(), reliable: true },
      'en-US',
    ),
  ).toBe('Uniswap V2 ALEX/WETH, $600,000.00 deep');
  expect(
    describePriceSource(
      { protocol: 'v4', fee: 10000, pair: 'KAI/ZED', via: 'ZED/WETH', depthUsdE18: (120_000n * E18).toString(), reliable: true },
      'en-US',
    ),
  ).toBe('Uniswap V4 1% KAI/ZED via ZED/WETH, $120,000.00 deep');
});

test('a thin pool says why there is no price', () => {
  expect(
    describePriceSource(
      { protocol: 'v4', fee: 3000, pair: 'THIN/WETH', via: null, depthUsdE18: (1_200n * E18).toString(), reliable: false },
      'en-US',
    ),
  ).toBe(
    'The deepest pool, Uniswap V4 0.3% THIN/WETH, is only $1,200.00 deep: one small trade could move its price. (Minimum depth: Settings.)',
  );
});

test('a depth judged in ETH (no ETH/USD price on the chain) is given in ETH, and says there is no USD price', () => {
  const source = {
    protocol: 'v4' as const,
    fee: 3000,
    pair: 'JESS/WETH',
    via: null,
    depthUsdE18: null,
    depthEthE18: (12n * E18).toString(),
  };
  expect(describePriceSource({ ...source, reliable: true }, 'en-US')).toBe(
    'Uniswap V4 0.3% JESS/WETH, 12 ETH deep. No USD price: no ETH/USD pool on this chain is deep enough, so the price is in ETH only.',
  );
  expect(describePriceSource({ ...source, depthEthE18: (2n * E18).toString(), reliable: false }, 'en-US')).toBe(
    'The deepest pool, Uniswap V4 0.3% JESS/WETH, is only 2 ETH deep: one small trade could move its price. (Minimum depth: Settings, in ETH at the rate shown there.)',
  );
  expect(shortPriceLine({ ...source, reliable: true }, 'USD', 'en-US')).toBe('Uniswap V4 0.3% JESS/WETH · 12 ETH deep · no USD price');
  expect(shortPriceLine({ ...source, reliable: true }, 'ETH', 'en-US')).toBe('Uniswap V4 0.3% JESS/WETH · 12 ETH deep');
});
