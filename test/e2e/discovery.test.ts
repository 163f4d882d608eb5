import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEVNET_A, DEVNET_B } from '@/lib/chain/devnet';
import { formatTokenId } from '@/lib/protocol/caip19';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { startJourneys, type Journeys } from './fixtures';
import { openPopupFor, openSite, watchAddress } from './popup';

// Home lists the creator tokens of the enabled lists that the holder owns, on both devnet chains,
// without the holder visiting any creator site; Follow moves one to Following.
let j: Journeys;

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(() => j?.stop());

describe('creator tokens found in the wallet', () => {
  test('home lists the held listed tokens across both chains; one click follows', async () => {
    const { tabId } = await openSite(j, `${j.server.origins.other}/plain`);
    const popup = await openPopupFor(j, tabId);
    await watchAddress(popup, DEVNET_HOLDERS.holder1.address);
    const found = popup.getByTestId('found-row');
    await expect.poll(() => found.count(), { timeout: 20_000 }).toBe(2);
    expect(await found.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-token')))).toEqual([
      formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken),
      formatTokenId(DEVNET_B.chainId, DEVNET_B.creatorToken),
    ]);
    await expect.poll(() => found.first().innerText()).toMatch(/Alex Masmej[\s\S]*12,500 ALEX[\s\S]*\$3,750\.00/);
    await expect.poll(() => found.nth(1).innerText()).toMatch(/Mike Merrill[\s\S]*5,000 MIKE[\s\S]*\$3,750\.00/);
    await j.browser.screenshot(popup, 'home-found-in-wallet');

    await popup.getByRole('button', { name: 'Follow Mike Merrill' }).click();
    await expect.poll(() => popup.getByTestId('holding-row').count()).toBe(1);
    await expect.poll(() => found.count()).toBe(1);
    expect(await popup.getByTestId('holding-row').getAttribute('data-token')).toBe(formatTokenId(DEVNET_B.chainId, DEVNET_B.creatorToken));
    await j.browser.screenshot(popup, 'home-found-followed');
    await popup.close();
  });
});
