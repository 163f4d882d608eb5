import { useLiveQuery } from 'dexie-react-hooks';
import { database, type CompanionDatabase } from './database';

/**
 * A live read of the popup's IndexedDB through a repository function: re-runs when a table it
 * read changes. Undefined until the first answer. The one place UI code reaches the database;
 * feature hooks in `lib/<feature>/ui/` build on it, components use those hooks.
 */
export function useLiveRows<T>(read: (db: CompanionDatabase) => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(() => read(database()), deps);
}
