import type { CompanionDatabase } from '@/lib/db/database';
import { enabledListEntries } from '@/lib/lists/tokenListsRepository';
import { SHIPPED_LIST_KEY } from '@/lib/lists/shippedList';
import { formatTokenId, parseTokenId } from '@/lib/protocol/caip19';
import { UserFacingError } from '../../app/userFacingError';
import { follow } from '../followsRepository';

/**
 * Follows a token of an enabled list (one click from home). The list's name and symbol name it
 * until the chain is read; only the shipped list counts as confirmation, a list the holder added
 * is their own choice.
 */
export async function followListed(db: CompanionDatabase, tokenId: string, now = Date.now()): Promise<{ tokenId: string }> {
  let wanted: string;
  try {
    const { chainId, address } = parseTokenId(tokenId);
    wanted = formatTokenId(chainId, address);
  } catch {
    throw new UserFacingError('This token id is not valid; refresh and try again.');
  }
  const listed = (await enabledListEntries(db)).find((t) => formatTokenId(t.entry.chainId, t.entry.address) === wanted);
  if (!listed)
    throw new UserFacingError('This token is no longer in an enabled list; turn its list back on in Settings to follow it from here.');
  const { entry } = listed;
  await follow(db, {
    tokenId: wanted,
    chainId: entry.chainId,
    address: entry.address,
    symbol: entry.symbol,
    name: entry.name,
    creatorName: entry.name,
    siteOrigin: null,
    confirmation: listed.source === SHIPPED_LIST_KEY ? 'confirmed' : 'declared',
    manifest: null,
    followedAt: now,
  });
  return { tokenId: wanted };
}
