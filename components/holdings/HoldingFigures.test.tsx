import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import type { HoldingRow, HoldingValues } from '@/lib/db/rows';
import { toHoldingView } from '@/lib/holdings/core/holdingView';
import { HoldingFigures } from './HoldingFigures';
import { FollowingList } from './FollowingList';

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

const render = (r: HoldingRow) => {
  const view = toHoldingView(r);
  return {
    figures: renderToStaticMarkup(<HoldingFigures view={view} />),
    list: renderToStaticMarkup(
      <FollowingList follows={[follow]} views={new Map([[tokenId, view]])} loaded onUnfollow={() => {}} onOpen={() => {}} />,
    ),
  };
};

test('no ETH/USD price on the chain: the popup says "No ETH price" plainly, in the card and the list row', () => {
  const { figures, list } = render(row({}));
  expect(figures).toContain('No ETH price: no ETH/USD pool on this chain answered deep enough');
  expect(figures).not.toContain('No Uniswap pool with ETH or USDC');
  expect(list).toContain('No ETH price');
});

test('with ETH/USD but no pool for the token, the old sentence stays; a priced row shows protocol, pair and depth', () => {
  const unpriced = render(row({ ethUsdE18: (3_000n * E18).toString() }));
  expect(unpriced.figures).toContain('No Uniswap pool with ETH or USDC');
  expect(unpriced.list).not.toContain('No ETH price');
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
