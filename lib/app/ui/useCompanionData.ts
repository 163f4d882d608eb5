import { useLiveRows } from '@/lib/db/useLiveRows';
import { chainStatuses } from '@/lib/holdings/chainStatusRepository';
import { listFollows } from '@/lib/holdings/followsRepository';
import { incomeOfAccount } from '@/lib/income/incomeRepository';
import { holdingsOf, NO_ACCOUNT } from '@/lib/holdings/holdingsRepository';
import { discoveriesOf } from '@/lib/holdings/discoveriesRepository';
import { DEFAULT_SETTINGS, holdingsAccount, readSettings } from '@/lib/settings/settingsRepository';
import type { ChainStatusRow, DiscoveryRow, FollowRow, HoldingRow, IncomeRow, SettingsMap } from '@/lib/db/rows';

export interface CompanionData {
  /** False until the first IndexedDB read answered. */
  loaded: boolean;
  settings: SettingsMap;
  follows: FollowRow[];
  holdings: HoldingRow[];
  chainStatus: ChainStatusRow[];
  income: IncomeRow[];
  /** Listed creator tokens found in the account's wallet. */
  discoveries: DiscoveryRow[];
}

/** Everything the popup shows, live from IndexedDB: it paints before any RPC answers. */
export function useCompanionData(): CompanionData {
  // One read of every table: the figures shown together come from the same moment.
  const data = useLiveRows(async (db) => {
    const settings = await readSettings(db);
    const account = holdingsAccount(settings);
    const [follows, holdings, chainStatus, income, discoveries] = await Promise.all([
      listFollows(db),
      holdingsOf(db, account ?? NO_ACCOUNT),
      chainStatuses(db),
      account ? incomeOfAccount(db, account) : [],
      account ? discoveriesOf(db, account) : [],
    ]);
    return { settings, follows, holdings, chainStatus, income, discoveries };
  }, []);
  return data
    ? { loaded: true, ...data }
    : { loaded: false, settings: DEFAULT_SETTINGS, follows: [], holdings: [], chainStatus: [], income: [], discoveries: [] };
}
