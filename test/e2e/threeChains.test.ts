import { afterAll, beforeAll, expect, test } from 'vitest';
import { encodeFunctionData, parseAbi } from 'viem';
import { DEVNET_A, DEVNET_B, DEVNET_C } from '@/lib/chain/devnet';
import { chainById } from '@/lib/chain/knownChains';
import { uniswapV2PairAddress } from '@/lib/chain/pairAddress';
import { formatTokenId } from '@/lib/protocol/caip19';
import { BASE_COIN_PATH } from '../demo-server/fixtures';
import { devnetClient, sendInOrder } from '../devnet/client';
import { DEVNET_C_HOLDER, DEVNET_HOLDERS } from '../devnet/devnet';
import { startJourneys, type Journeys } from './fixtures';
import { openPopupFor, openSite, text, watchAddress } from './popup';

// The demo holder holds creator tokens on all three devnet chains: ALEX on chain A (Uniswap V2),
// MIKE on chain B (V2) and JESS on the Base stand-in (V4). Followed from their pages, home lists
// all three with balance, value and where each price comes from, read in one request per chain.
let j: Journeys;
const holder = DEVNET_HOLDERS.holder1.address;

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(() => j?.stop());

async function followFrom(url: string, name: string, first = false): Promise<void> {
  const { tabId, page } = await openSite(j, url);
  const popup = await openPopupFor(j, tabId);
  if (first) await watchAddress(popup, holder);
  const follow = popup.getByRole('button', { name: `Follow ${name}` });
  await follow.waitFor();
  await follow.click();
  await popup
    .getByRole('button', { name: `Unfollow ${name}` })
    .first()
    .waitFor();
  await popup.close();
  await page.close();
}

test('home lists the holder’s creator tokens on three chains, each with value and price source', async () => {
  expect(DEVNET_C_HOLDER.address).toBe(holder); // the same demo holder on the Base stand-in
  await followFrom(`${j.server.origins.alex}/`, 'Alex Masmej', true);
  await followFrom(`${j.server.origins.mike}/`, 'Mike Merrill');
  await followFrom(`${j.server.origins.other}${BASE_COIN_PATH}`, 'Jess');

  const { tabId } = await openSite(j, `${j.server.origins.other}/plain`);
  j.rpc.forEach((proxy) => proxy.resetCount());
  const popup = await openPopupFor(j, tabId);
  const rows = popup.getByTestId('holding-row');
  await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-token')))).toEqual([
    formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken),
    formatTokenId(DEVNET_B.chainId, DEVNET_B.creatorToken),
    formatTokenId(DEVNET_C.chainId, DEVNET_C.jess),
  ]);
  const row = (i: number) => rows.nth(i).innerText();
  // ALEX: 1,000,000 : 100 WETH at $3,000 → $0.30; MIKE: 200,000 : 50 WETH → $0.75; JESS: 40,000 : 10 WETH in V4 → $0.75.
  await expect.poll(() => row(0)).toMatch(/12,500 ALEX[\s\S]*Uniswap V2 ALEX\/WETH · \$600K deep[\s\S]*\$3,750\.00/);
  await expect.poll(() => row(1)).toMatch(/5,000 MIKE[\s\S]*Uniswap V2 MIKE\/WETH · \$300K deep[\s\S]*\$3,750\.00/);
  await expect.poll(() => row(2)).toMatch(/1,500 JESS[\s\S]*Uniswap V4 0\.3% JESS\/WETH · \$60K deep[\s\S]*\$1,125\.00/);
  expect(await text(popup, 'total')).toBe('$8,625.00');
  // One holdings refresh: one HTTP request per chain, however many reads ride in it. The Base
  // stand-in has nothing else to read; chains A and B also answer the token-list discovery (one
  // request each), and chain A the liquidity program's snapshot blocks (one more).
  expect(j.rpc[2].requestCount()).toBe(1);
  expect(j.rpc[1].requestCount()).toBeLessThanOrEqual(2);
  expect(j.rpc[0].requestCount()).toBeLessThanOrEqual(3);

  await j.browser.screenshot(popup, 'home-found-three-chains');
  // Nothing in the header (the watched address whole, Connect, side panel, settings) or the rows is clipped.
  const overflow = await popup.evaluate(() =>
    [...document.querySelectorAll('.top-bar, .top-bar > *, .holding-row')]
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => el.className),
  );
  expect(overflow).toEqual([]);
  expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await popup.close();
});

test('with no ETH/USD pool deep enough on the Base stand-in, JESS keeps an honest ETH price and says it has no USD price', async () => {
  // The deployer takes 99.99% of its liquidity out of the stand-in's WETH/USDC pair (transfer the LP
  // shares to the pair, burn): 0.1 WETH and 300 USDC are left, $600 deep, under the $5,000 minimum.
  // Chain C then has no ETH/USD price; chains A and B keep theirs.
  const anvil = devnetClient(j.devnet.baseStandIn.rpcUrl);
  const pair = uniswapV2PairAddress(
    DEVNET_C.factory,
    chainById(DEVNET_C.chainId)!.uniswapV2.pairInitCodeHash,
    DEVNET_C.weth,
    DEVNET_C.usdc,
  );
  const abi = parseAbi([
    'function balanceOf(address) view returns (uint256)',
    'function transfer(address to, uint256 amount) returns (bool)',
    'function burn(address to) returns (uint256 amount0, uint256 amount1)',
  ]);
  const shares = await anvil.readContract({ address: pair, abi, functionName: 'balanceOf', args: [DEVNET_C.deployer] });
  const nonce = await anvil.getTransactionCount({ address: DEVNET_C.deployer, blockTag: 'pending' });
  await sendInOrder(anvil, DEVNET_C.deployer, nonce, [
    {
      label: 'LP shares to the WETH/USDC pair',
      to: pair,
      data: encodeFunctionData({ abi, functionName: 'transfer', args: [pair, (shares * 9_999n) / 10_000n] }),
    },
    { label: 'burn WETH/USDC liquidity', to: pair, data: encodeFunctionData({ abi, functionName: 'burn', args: [DEVNET_C.deployer] }) },
  ]);

  const { tabId } = await openSite(j, `${j.server.origins.other}/plain`);
  const popup = await openPopupFor(j, tabId);
  const refresh = popup.getByRole('button', { name: 'Refresh from the chain' }).and(popup.locator(':enabled'));
  await refresh.waitFor({ timeout: 20_000 });
  await refresh.click();
  const rows = popup.getByTestId('holding-row');
  const jess = () => rows.nth(2).innerText();
  // Shown in USD: the row gives the ETH value, its depth in ETH, and says there is no USD price.
  await expect.poll(() => jess(), { timeout: 20_000 }).toMatch(/Uniswap V4 0\.3% JESS\/WETH · [\d.]+ ETH deep · no USD price/);
  expect(await jess()).toMatch(/1,500 JESS[\s\S]*0\.375 ETH/); // 1,500 JESS at 40,000 JESS : 10 WETH
  expect(await jess()).not.toContain('$');
  expect(await rows.nth(0).innerText()).toMatch(/ALEX\/WETH · \$600K deep[\s\S]*\$3,750\.00/);
  // The USD total counts the two holdings with a USD value, and says the third is left out.
  expect(await text(popup, 'total')).toBe('$7,500.00 + 1 without a USD price');
  await j.browser.screenshot(popup, 'home-no-usd-price-in-usd');

  // JESS's own card: "No USD price" beside the ETH value and price, the source in ETH.
  await popup.getByRole('button', { name: 'Open Jess' }).click();
  await expect.poll(() => text(popup, 'value')).toBe('No USD price · 0.375 ETH');
  expect(await text(popup, 'price')).toBe('No USD price · 0.00025 ETH');
  expect(await text(popup, 'price-source')).toMatch(
    /^Uniswap V4 0\.3% JESS\/WETH, [\d.]+ ETH deep\. No USD price: no ETH\/USD pool on this chain is deep enough, so the price is in ETH only\.$/,
  );
  await j.browser.screenshot(popup, 'creator-no-usd-price');

  // Shown in ETH: the same figures as usual, and the total counts all three (1.25 + 1.25 + 0.375 ETH).
  await popup.getByRole('button', { name: 'Back to holdings' }).click();
  await popup.getByRole('button', { name: 'Settings' }).click();
  await expect.poll(() => text(popup, 'min-pool-depth-eth')).toMatch(/held to 5 ETH \(this minimum at \$1,000 per ETH\)/);
  await popup.getByRole('radio', { name: /^Ether \(ETH\)/ }).check();
  await popup.getByRole('button', { name: 'Back to holdings' }).click();
  await expect.poll(() => text(popup, 'total')).toBe('2.875 ETH');
  expect(await jess()).toMatch(/Uniswap V4 0\.3% JESS\/WETH · [\d.]+ ETH deep\n?[\s\S]*0\.375 ETH/);
  expect(await jess()).not.toContain('no USD price');
  await j.browser.screenshot(popup, 'home-no-usd-price-in-eth');
  await popup.close();
});
