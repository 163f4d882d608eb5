import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEVNET_A, DEVNET_B } from '@/lib/chain/devnet';
import { formatTokenId } from '@/lib/protocol/caip19';
import { DEVNET_HOLDERS } from '../devnet/devnet';
import { startJourneys, type Journeys } from './fixtures';
import { launchWithExtension, REPO_ROOT, type ExtensionBrowser } from './harness/browser';
import { openPopupFor, openSite, waitForBadge, watchAddress } from './popup';

// The holder's data is theirs: export from one Chromium profile (a real download), check the
// file, and import it into a fresh profile, which shows the preview first, then the follows.
// The export is kept at test-results/backup/chrome-export.json for the Firefox lane to import.
export const CHROME_EXPORT = join(REPO_ROOT, 'test-results', 'backup', 'chrome-export.json');

let j: Journeys;
let fresh: ExtensionBrowser | undefined;
const holder1 = DEVNET_HOLDERS.holder1.address;
const ALEX = formatTokenId(DEVNET_A.chainId, DEVNET_A.creatorToken);
const MIKE = formatTokenId(DEVNET_B.chainId, DEVNET_B.creatorToken);

beforeAll(async () => {
  j = await startJourneys();
});
afterAll(async () => {
  await fresh?.close();
  await j?.stop();
});

describe('back up or move your data', () => {
  test('export from Chrome: one versioned JSON file with the follows, the watched address and site choices', async () => {
    for (const [origin, creator] of [
      [j.server.origins.alex, 'Alex Masmej'],
      [j.server.origins.mike, 'Mike Merrill'],
    ] as const) {
      const { tabId } = await openSite(j, `${origin}/`);
      await waitForBadge(j, tabId, '✓');
      const popup = await openPopupFor(j, tabId);
      if (creator === 'Alex Masmej') await watchAddress(popup, holder1);
      await popup.getByRole('button', { name: `Follow ${creator}` }).click();
      await popup
        .getByRole('button', { name: `Unfollow ${creator}` })
        .first()
        .waitFor();
      await popup.close();
    }
    const popup = await j.browser.openPopup();
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByLabel('Minimum pool depth, in USD').fill('7000');
    await popup.getByRole('form', { name: 'Minimum pool depth' }).getByRole('button', { name: 'Save' }).click();
    await popup.getByText('Saved; prices use it from the next refresh.').waitFor();

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export to a file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^personal-token-companion-backup-\d{4}-\d{2}-\d{2}\.json$/);
    mkdirSync(join(CHROME_EXPORT, '..'), { recursive: true });
    await download.saveAs(CHROME_EXPORT);
    await expect
      .poll(() => popup.getByTestId('backup-status').innerText())
      .toMatch(/^Saved personal-token-companion-backup-.*: 2 follows, 2 settings/);

    const file = JSON.parse(readFileSync(CHROME_EXPORT, 'utf8'));
    expect(file).toMatchObject({ format: 'personal-token-companion-backup', version: 1 });
    expect(new Date(file.exportedAt).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(file.data.follows.map((f: { tokenId: string }) => f.tokenId).sort()).toEqual([ALEX, MIKE].sort());
    expect(file.data.follows.find((f: { tokenId: string }) => f.tokenId === ALEX).manifest.creator.name).toBe('Alex Masmej');
    expect(file.data.settings).toEqual(
      expect.arrayContaining([
        { key: 'watchAddress', value: holder1 },
        { key: 'minPoolDepthUsd', value: 7000 },
      ]),
    );
    expect(file.data.settings.some((s: { key: string }) => s.key === 'wallet')).toBe(false);
    await popup.close();
  });

  test('a file that is not a backup is refused with a sentence, and nothing changes', async () => {
    fresh = await launchWithExtension();
    const popup = await fresh.openPopup();
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.locator('#backup-file').setInputFiles({
      name: 'list.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ name: 'Creators', tokens: [] })),
    });
    await expect
      .poll(() => popup.getByRole('alert').innerText())
      .toBe(
        'This file is not a Personal Token Companion backup (export one from Settings → Back up or move your data). Nothing was changed.',
      );
    expect(await popup.getByTestId('backup-preview').count()).toBe(0);
    await popup.getByRole('button', { name: 'Back to holdings' }).click();
    await popup.getByText('You follow no creator yet.', { exact: false }).waitFor();
    await popup.close();
  });

  test('import into a fresh profile: the preview says what it adds, then the follows show', async () => {
    fresh ??= await launchWithExtension();
    const popup = await fresh.openPopup();
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.locator('#backup-file').setInputFiles(CHROME_EXPORT);
    const preview = popup.getByTestId('backup-preview');
    await preview.waitFor();
    expect(await popup.getByTestId('backup-adds').innerText()).toMatch(/^Adds 2 follows, 2 settings/);
    await preview.scrollIntoViewIfNeeded();
    await fresh.screenshot(popup, 'popup-import-preview');
    // Nothing written yet.
    expect(
      await fresh.serviceWorker.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('personal-token-companion');
            open.onsuccess = () => {
              const tx = open.result.transaction('follows', 'readonly');
              const count = tx.objectStore('follows').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      ),
    ).toBe(0);

    await preview.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => popup.getByTestId('backup-status').innerText()).toMatch(/^Imported: 2 follows, 2 settings/);
    await popup.getByRole('button', { name: 'Back to holdings' }).click();
    const rows = popup.getByTestId('holding-row');
    await expect.poll(() => rows.count()).toBe(2);
    // The watched address came along: balances are read from the chain in the new profile.
    await expect
      .poll(() => rows.allInnerTexts().then((t) => t.join(' ').replace(/\s+/g, ' ')), { timeout: 30_000 })
      .toMatch(/Alex Masmej.*12,500 ALEX.*Mike Merrill.*5,000 MIKE|Mike Merrill.*5,000 MIKE.*Alex Masmej.*12,500 ALEX/);
    await popup.close();

    // The settings came along too.
    const settings = await fresh.openPopup();
    await settings.getByRole('button', { name: 'Settings' }).click();
    expect(await settings.getByLabel('Minimum pool depth, in USD').inputValue()).toBe('7000');
    await settings.close();

    // The same file again adds nothing.
    const again = await fresh.openPopup();
    await again.getByRole('button', { name: 'Settings' }).click();
    await again.locator('#backup-file').setInputFiles(CHROME_EXPORT);
    await again.getByText('Everything in this file is already here.').waitFor();
    await again.close();
  });
});
