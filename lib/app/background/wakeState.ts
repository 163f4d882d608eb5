import { storage } from 'wxt/utils/storage';
import type { TokenList } from '@/lib/detect/core/tokenListSchema';

// What a waking service worker reads instead of IndexedDB (storage.session: kept while the
// browser runs, gone when it restarts or the extension is updated, out of content scripts' reach).
// The start script (background.js) carries no database: with these it answers the popup's first
// request and the tab events alone, and loads the rest of the background only when needed.

/** The enabled lists' entries that name a site: a tab's URL is checked against them (lib/detect). */
export const listedSitesItem = storage.defineItem<TokenList>('session:listed-sites');

/**
 * True once this browser session's start-up chores ran (the alarm, the badge, open tabs) and no
 * vote, transaction or redemption was left mid-way; a write to those tables sets it back to false
 * (watchWrites.ts), so the next start resumes them.
 */
export const wakeChoresDoneItem = storage.defineItem<boolean>('session:wake-chores-done', { fallback: false });

/** The listed sites only: the entries of `list` that name a domain, all a URL check needs. */
export function listedSitesOf(list: TokenList): TokenList {
  return { ...list, tokens: list.tokens.filter((token) => token.extensions?.domains?.length) };
}
