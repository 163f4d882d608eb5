import { useLiveQuery } from 'dexie-react-hooks';
import { database } from '@/lib/db/database';
import { listFollows } from '@/lib/holdings/followsRepository';
import { holdingsOf, NO_ACCOUNT } from '@/lib/holdings/holdingsRepository';
import { DEFAULT_SETTINGS, holdingsAccount, readSettings } from '@/lib/settings/settingsRepository';
import type { ChainStatusRow, FollowRow, HoldingRow, IncomeRow, SettingsMap } from '@/lib/db/rows';

export interface CompanionData {
  /** False until the first IndexedDB read answered. */
  loaded: boolean;
  settings: SettingsMap;
  follows: FollowRow[];
  holdings: HoldingRow[];
  chainStatus: ChainStatusRow[];
  income: IncomeRow[];
}

/** Everything the popup shows, live from IndexedDB: it paints before any RPC answers. */
export function useCompanionData(): CompanionData {
  const db = database();
  const data = useLiveQuery(async () => {
    const settings = await readSettings(db);
    const account = holdingsAccount(settings) ?? NO_ACCOUNT;
    const [follows, holdings, chainStatus, income] = await Promise.all([
      listFollows(db),
      holdingsOf(db, account),
      db.chainStatus.toArray(),
      db.income.where('account').equals(account.toLowerCase()).toArray(),
    ]);
    return { settings, follows, holdings, chainStatus, income };
  }, []);
  return data
    ? { loaded: true, ...data }
    : { loaded: false, settings: DEFAULT_SETTINGS, follows: [], holdings: [], chainStatus: [], income: [] };
}
