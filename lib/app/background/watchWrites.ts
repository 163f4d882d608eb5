import Dexie from 'dexie';
import { DEFAULT_DATABASE_NAME } from '@/lib/db/database';
import { forgetListedSites } from '../../detect/background/listedSites';
import { wakeChoresDoneItem } from './wakeState';

/** Tables whose rows a stopped worker may leave mid-way (resumed at the next start). */
const RESUMABLE_TABLES = ['votes', 'transactions', 'redemptions'];

/**
 * Keeps the start script's storage.session copies true to IndexedDB: a committed write to the
 * token lists drops the listed sites (rebuilt on the next need), and one to a resumable table
 * makes the next start run its chores. Dexie reports every committed write ('storagemutated',
 * one key per table touched: `idb://<database>/<table>/<index>`). Returns the way to stop (tests).
 */
export function watchWrites(databaseName = DEFAULT_DATABASE_NAME): () => void {
  const written = (parts: Record<string, unknown>) => {
    const touched = (table: string) => Object.keys(parts).some((key) => key.startsWith(`idb://${databaseName}/${table}/`));
    if (touched('tokenLists')) void forgetListedSites();
    if (RESUMABLE_TABLES.some(touched)) void wakeChoresDoneItem.setValue(false);
  };
  Dexie.on('storagemutated', written);
  return () => Dexie.on('storagemutated').unsubscribe(written);
}
