/** storage.session key: the creator a clicked notification asked the popup to open on. */
export const FOCUS_CREATOR_KEY = 'focus-creator';
/** A focus older than this is from another opening and is ignored. */
export const FOCUS_FRESH_MS = 60_000;
