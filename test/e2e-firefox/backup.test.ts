import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../e2e/harness/browser';
import { startFirefoxJourneys, type FirefoxJourneys } from './fixtures';
import { clickButton, testIdText, until } from './firefox';

// An export made in Chrome imports into Firefox: the file the Chrome lane just wrote
// (test/e2e/backup.test.ts) when present, else the committed one that lane produced.
const CHROME_EXPORT = join(REPO_ROOT, 'test-results', 'backup', 'chrome-export.json');
const COMMITTED_EXPORT = join(REPO_ROOT, 'test', 'e2e-firefox', 'fixtures', 'chrome-export.json');

let j: FirefoxJourneys;

beforeAll(async () => {
  j = await startFirefoxJourneys();
});
afterAll(() => j?.stop());

describe('moving to Firefox', () => {
  test('a backup exported from Chrome imports into Firefox: the preview, then the follows with their balances', async () => {
    const source = existsSync(CHROME_EXPORT) ? CHROME_EXPORT : COMMITTED_EXPORT;
    const text = readFileSync(source, 'utf8');
    const file = JSON.parse(text);
    expect(file.format).toBe('personal-token-companion-backup');
    const names = file.data.follows.map((f: { creatorName: string }) => f.creatorName).sort();
    expect(names).toEqual(['Alex Masmej', 'Mike Merrill']);

    const popup = await j.firefox.openPopup();
    await clickButton(popup, 'Settings');
    await popup.waitForSelector('#backup-file');
    // The holder's pick, as the file input reports it (a File in input.files, then "change").
    await popup.evaluate((content: string) => {
      const input = document.querySelector<HTMLInputElement>('#backup-file');
      if (!input) throw new Error('no file input');
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'chrome-export.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, text);
    await until(
      () => testIdText(popup, 'backup-adds'),
      (t: string) => t.startsWith('Adds 2 follows'),
    );
    await j.firefox.screenshot(popup, 'popup-import-preview');
    await clickButton(popup, 'Import');
    await until(
      () => testIdText(popup, 'backup-status'),
      (t: string) => t.startsWith('Imported: 2 follows'),
    );

    await clickButton(popup, 'Back to holdings');
    await until(() => popup.$$eval('[data-testid=holding-row]', (rows) => rows.length), 2);
    const rows = () =>
      popup.$$eval('[data-testid=holding-row]', (rs) => rs.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ')).join(' | '));
    // The watched address came with the file: Firefox reads the same balances from the chain.
    const shown = await until(rows, (t: string) => t.includes('12,500 ALEX') && t.includes('5,000 MIKE'), 30_000);
    expect(shown).toContain('Alex Masmej');
    expect(shown).toContain('Mike Merrill');
    await popup.close();
  });
});
