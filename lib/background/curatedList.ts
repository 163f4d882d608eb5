import devnetList from '@/lib/curation/devnet.tokenlist.json';
import releaseList from '@/lib/curation/release.tokenlist.json';
import type { TokenList } from '@/lib/curation/confirmation';

/** The curated list this build ships: the demo list only in devnet builds. */
export function curatedList(mode: string = import.meta.env.MODE): TokenList {
  return (mode === 'devnet' ? devnetList : releaseList) as TokenList;
}
