import type { Address } from 'viem';
import { DEFAULT_MIN_POOL_DEPTH_USD } from '../holdings/core/bestPrice';
import type { CompanionDatabase } from '../db/database';
import type { SettingKey, SettingRow, SettingsMap } from '../db/rows';
import { DEFAULT_ALERT_PREFS } from '../alerts/core/alerts';

export const DEFAULT_SETTINGS: SettingsMap = {
  watchAddress: null,
  wallet: null,
  rpcUrls: {},
  disabledChains: [],
  minPoolDepthUsd: DEFAULT_MIN_POOL_DEPTH_USD,
  currency: 'USD',
  alerts: DEFAULT_ALERT_PREFS,
  openIn: 'popup',
};

/** The account whose holdings are shown: the connected wallet first, else the watched address. */
export function holdingsAccount(settings: SettingsMap): Address | null {
  return settings.wallet?.account ?? settings.watchAddress;
}

export async function readSettings(db: CompanionDatabase): Promise<SettingsMap> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function writeSetting<K extends SettingKey>(db: CompanionDatabase, key: K, value: SettingsMap[K]): Promise<void> {
  const row: SettingRow<K> = { key, value };
  await db.settings.put(row);
}

/**
 * Reads one setting and writes what `update` makes of it, in one read-write transaction, so two
 * popups saving at the same moment (e.g. RPC endpoints for two chains) never lose a write.
 * `update` must be synchronous: an IndexedDB transaction commits at the first foreign await.
 */
export async function updateSetting<K extends SettingKey>(
  db: CompanionDatabase,
  key: K,
  update: (current: SettingsMap[K]) => SettingsMap[K],
): Promise<SettingsMap[K]> {
  return db.transaction('rw', db.settings, async () => {
    const row = (await db.settings.get(key)) as SettingRow<K> | undefined;
    const next = update(row ? row.value : DEFAULT_SETTINGS[key]);
    await db.settings.put({ key, value: next } as SettingRow);
    return next;
  });
}

/** Clears every table: follows, holdings, chain status and settings. */
export async function clearAllData(db: CompanionDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
