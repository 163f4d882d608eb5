import { describe, expect, test } from 'vitest';
import { BACKUP_SECTIONS, fillMissingFields } from './sections';

const section = (name: string) => {
  const found = BACKUP_SECTIONS.find((s) => s.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('the merge rule', () => {
  test('fields here win; only null or absent ones are filled; nothing to fill gives null', () => {
    expect(fillMissingFields({ a: 1, b: null }, { a: 2, b: 3, c: 4 })).toEqual({ a: 1, b: 3, c: 4 });
    expect(fillMissingFields({ a: 1, b: 2 }, { a: 9, b: null })).toBeNull();
    expect(fillMissingFields({ a: false }, { a: true })).toBeNull(); // false is a value, kept
  });

  test('a section counts added, filled and kept rows; a key twice in the file counts once', () => {
    const prefs = section('sitePrefs');
    const rows = [
      { origin: 'https://a.example', companionDismissed: true },
      { origin: 'https://b.example', companionDismissed: false, walletRdns: 'io.rabby' },
      { origin: 'https://c.example', companionDismissed: true },
      { origin: 'https://a.example', companionDismissed: false },
    ];
    const here = [
      undefined,
      { origin: 'https://b.example', companionDismissed: true },
      { origin: 'https://c.example', companionDismissed: false },
      undefined,
    ];
    const plan = prefs.plan(rows, here);
    expect(plan).toMatchObject({ added: 1, merged: 1, kept: 1 });
    expect(plan.puts).toEqual([
      { origin: 'https://a.example', companionDismissed: true },
      { origin: 'https://b.example', companionDismissed: true, walletRdns: 'io.rabby' },
    ]);
  });

  test('settings and history rows here win whole', () => {
    const settings = section('settings');
    const plan = settings.plan([{ key: 'currency', value: 'ETH' }], [{ key: 'currency', value: 'USD' }]);
    expect(plan).toMatchObject({ puts: [], added: 0, merged: 0, kept: 1 });
  });
});

describe('sections', () => {
  test('every section has its own name and table', () => {
    expect(new Set(BACKUP_SECTIONS.map((s) => s.name)).size).toBe(BACKUP_SECTIONS.length);
    expect(new Set(BACKUP_SECTIONS.map((s) => s.table)).size).toBe(BACKUP_SECTIONS.length);
  });

  test('an origin must be an origin, a setting must be one this version knows', () => {
    expect(section('sitePrefs').fileRows.safeParse([{ origin: 'https://a.example/path', companionDismissed: true }]).success).toBe(false);
    expect(section('settings').fileRows.safeParse([{ key: 'wallet', value: null }]).success).toBe(false);
    expect(section('settings').fileRows.safeParse([{ key: 'rpcUrls', value: { '1': ['https://rpc.example'] } }]).success).toBe(true);
  });
});
