import { shippedList } from '@/lib/lists/shippedList';
import { useLiveRows } from '@/lib/db/useLiveRows';
import type { TokenListRow } from '@/lib/db/rows';
import { addedTokenLists, shippedListEnabled } from '../tokenListsRepository';

export interface TokenListsState {
  shipped: { name: string; tokens: number; enabled: boolean };
  added: TokenListRow[];
}

/** The shipped list and the lists the holder added, live from IndexedDB. */
export function useTokenLists(): TokenListsState | undefined {
  return useLiveRows(async (db) => {
    const [enabled, added] = await Promise.all([shippedListEnabled(db), addedTokenLists(db)]);
    const list = shippedList();
    return { shipped: { name: list.name, tokens: list.tokens.length, enabled }, added };
  }, []);
}
