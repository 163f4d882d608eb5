import { storage } from 'wxt/utils/storage';

/** The creator a clicked notification asked the popup to open on (storage.session, trusted contexts only). */
export const focusCreatorItem = storage.defineItem<{ tokenId: string | null; at: number }>('session:focus-creator');
/** A focus older than this is from another opening and is ignored. */
export const FOCUS_FRESH_MS = 60_000;
