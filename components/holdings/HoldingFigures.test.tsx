import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import type { HoldingRow, HoldingValues } from '@/lib/db/rows';
import { toHoldingView } from '@/lib/holdings/core/holdingView';
import { HoldingFigures } from './HoldingFigures';
import { FollowingList } from './FollowingList';
import { CurrencyProvider } from '@/lib/settings/ui/currency';
import type { Currency } from '@/lib/format/money';

const E18 = 10n ** 18n;
const tokenId = 'eip155:8453/erc20:0x00000000000000000000000000000000c0111111';

function row(values: Partial<HoldingValues>): HoldingRow {
  return {
    account: '',
    tokenId,
    chainId: 8453,
    looked: null,
    latest: {
      balance: (1_000n * E18).toString(),
      decimals: 18,
      symbol: 'COIN',
      name: 'Coin',
      priceEthE18: null,
      ethUsdE18: null,
      valueWei: null,
      priceSource: null,
      blockNumber: '1',
      blockTimestamp: 1,
      fetchedAt: 1,
      ...values,
    },
  };
}

const follow = {
  tokenId,
  chainId: 8453,
  address: '0x00000000000000000000000000000000C0111111' as const,
  symbol: 'COIN',
  name: 'Coin',
  creatorName: 'Coin',
  siteOrigin: null,
  confirmation: 'declared' as const,
  manifest: null,
  followedAt: 1,
};

const render = (r: HoldingRow, currency: Currency = 'USD') => {
  const view = toHoldingView(r);
  const inCurrency = (node: React.ReactNode) => renderToStaticMarkup(<CurrencyProvider currency={currency}>{node}</CurrencyProvider>);
  return {
    figures: inCurrency(<HoldingFigures view={view} />),
    list: inCurrency(
      <FollowingList follows={[follow]} views={new Map([[tokenId, view]])} loaded onUnfollow={() => {}} onOpen={() => {}} />,
    ),
  };
};

// No ETH/USD price on the chain; 1,000 COIN in a WETH pool judged in ETH (8 ETH deep): 0.00025 ETH each.
const ethOnly = row({
  priceEthE18: (E18 / 4_000n).toString(),
  valueWei: (E18 / 4n).toString(),
  priceSource: {
    protocol: 'v4',
    fee: 3000,
    pair: 'COIN/WETH',
    via: null,
    depthUsdE18: null,
    depthEthE18: (8n * E18).toString(),
    reliable: true,
  },
});

test('no ETH/USD price on the chain, shown in USD: value and price say "No USD price" beside the ETH figure, the row says so', () => {
  const { figures, list } = render(ethOnly, 'USD');
  expect(figures).toContain('No USD price</span><span> · 0.25 ETH');
  expect(figures).toContain('No USD price</span><span> · 0.00025 ETH');
  expect(figures).toContain('Uniswap V4 0.3% COIN/WETH, 8 ETH deep. No USD price: no ETH/USD pool on this chain is deep enough');
  expect(figures).not.toContain('$');
  expect(list).toContain('Uniswap V4 0.3% COIN/WETH · 8 ETH deep · no USD price');
  expect(list).toContain('0.25 ETH');
});

test('no ETH/USD price on the chain, shown in ETH: the ETH value and price as usual, no USD figure invented', () => {
  const { figures, list } = render(ethOnly, 'ETH');
  expect(figures).toContain('<dd data-testid="value">0.25 ETH</dd>');
  expect(figures).toContain('<dd data-testid="price">0.00025 ETH</dd>');
  expect(figures).not.toContain('$');
  expect(list).toContain('Uniswap V4 0.3% COIN/WETH · 8 ETH deep<');
  expect(list).not.toContain('no USD price');
});

test('no ETH/USD price and no pool for the token: no price, and no sentence about a pool that does not exist', () => {
  const { figures, list } = render(row({}));
  expect(figures).toContain('No Uniswap pool with ETH or USDC');
  expect(list).not.toContain('price-line');
});

test('with ETH/USD but no pool for the token, the old sentence stays; a priced row shows protocol, pair and depth', () => {
  const unpriced = render(row({ ethUsdE18: (3_000n * E18).toString() }));
  expect(unpriced.figures).toContain('No Uniswap pool with ETH or USDC');
  expect(unpriced.list).not.toContain('No USD price');
  const priced = render(
    row({
      ethUsdE18: (3_000n * E18).toString(),
      priceEthE18: (E18 / 4_000n).toString(),
      valueWei: (E18 / 4n).toString(),
      priceSource: { protocol: 'v4', fee: 3000, pair: 'COIN/WETH', via: null, depthUsdE18: (60_000n * E18).toString(), reliable: true },
    }),
  );
  expect(priced.list).toContain('Uniswap V4 0.3% COIN/WETH · $60K deep');
  expect(priced.list).toContain('$750.00');
  expect(priced.figures).toContain('$0.75');
});
