import { expect, test } from 'vitest';
import type { DiscoveryRow } from '@/lib/db/rows';
import type { HoldingView } from './holdingView';
import { foundInWallet } from './foundInWallet';

const row = (tokenId: string, name: string, balance: string): DiscoveryRow => ({
  account: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  tokenId,
  chainId: 1,
  balance,
  symbol: name.toUpperCase(),
  name,
  decimals: 18,
  listName: 'L',
  domains: [],
  foundAt: 1,
});
const view = (tokenId: string, valueUsdE18: bigint | null, balance: bigint): HoldingView => ({
  tokenId,
  symbol: 'SYM',
  name: 'n',
  decimals: 4,
  balance,
  priceEthE18: null,
  priceUsdE18: null,
  priceSource: null,
  valueWei: null,
  valueUsdE18,
  ethUsdE18: null,
  noUsdPrice: false,
  changeBasisPoints: null,
  blockNumber: 1n,
  fetchedAt: 1,
});

test('found tokens not followed, most valuable first, unpriced last, latest reading preferred', () => {
  const found = foundInWallet(
    [row('a', 'alpha', '5'), row('b', 'beta', '7'), row('c', 'gamma', '9'), row('d', 'delta', '1')],
    new Set(['c']),
    new Map([
      ['a', view('a', 10n, 6n)],
      ['b', view('b', 200n, 7n)],
    ]),
  );
  expect(found.map((f) => [f.tokenId, f.valueUsdE18, f.balance, f.symbol, f.decimals])).toEqual([
    ['b', 200n, 7n, 'SYM', 4],
    ['a', 10n, 6n, 'SYM', 4],
    ['d', null, 1n, 'DELTA', 18],
  ]);
});
