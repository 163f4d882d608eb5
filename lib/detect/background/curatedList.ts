import devnetList from '@/lib/detect/lists/devnet.tokenlist.json';
import releaseList from '@/lib/detect/lists/release.tokenlist.json';
import type { TokenList } from '@/lib/detect/core/confirmation';

// The demo list ships only in devnet builds: the condition is a build-time constant, so a
// release bundle does not contain it at all.
const CURATED_LIST = (import.meta.env.MODE === 'devnet' || import.meta.env.MODE === 'test' ? devnetList : releaseList) as TokenList;

/** The curated list this build ships. */
export function curatedList(): TokenList {
  return CURATED_LIST;
}
