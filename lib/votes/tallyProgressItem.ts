import { storage } from 'wxt/utils/storage';
import type { TallyProgressView } from '@/lib/votes/contract';

/**
 * A tally's progress, written by the background and watched by the popup, in storage.session
 * (trusted contexts only; gone with the browser session). Null when no tally of it is running.
 */
export const tallyProgressItem = (proposalId: string) => storage.defineItem<TallyProgressView>(`session:tally-progress:${proposalId}`);
