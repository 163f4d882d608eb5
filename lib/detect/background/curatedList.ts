import type { TokenList } from '@/lib/detect/core/confirmation';
import { shippedList } from '@/lib/lists/shippedList';

/** The curated list this build ships. */
export function curatedList(): TokenList {
  return shippedList();
}
