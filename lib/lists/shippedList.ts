import devnetList from '@/lib/detect/lists/devnet.tokenlist.json';
import releaseList from '@/lib/detect/lists/release.tokenlist.json';
import type { TokenList } from '@/lib/detect/core/tokenListSchema';

// The demo list ships only in devnet builds: the condition is a build-time constant, so a
// release bundle does not contain it at all. Readable from the popup and the background alike.
const SHIPPED = (import.meta.env.MODE === 'devnet' || import.meta.env.MODE === 'test' ? devnetList : releaseList) as TokenList;

/** The key of the list this build ships, in the tokenLists table (only its enabled flag is stored). */
export const SHIPPED_LIST_KEY = 'shipped';

/** The token list this build ships (see lib/detect/lists/README.md for its sources). */
export function shippedList(): TokenList {
  return SHIPPED;
}
