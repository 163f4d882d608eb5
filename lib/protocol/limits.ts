/**
 * The creator protocol's hard limits. They are part of the protocol (the README and the JSON
 * Schema state them), so a creator's manifest that validates here is accepted everywhere.
 */
export const MANIFEST_VERSION = 1;

/** A manifest bigger than this is refused before parsing: it is remote input from any site. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** The content script and the CLI give up on the manifest request after this long. */
export const MANIFEST_FETCH_TIMEOUT_MS = 5_000;

export const MAX_NAME = 80;
export const MAX_TITLE = 120;
export const MAX_DESCRIPTION = 500;
export const MAX_URL = 2048;
export const MAX_ID = 64;
/** Snapshot space ids are ENS names or short slugs. */
export const MAX_SPACE = 64;
/** Each list section (pairs, distributions, rewards, gates) holds at most this many entries. */
export const MAX_ENTRIES = 50;
/** uint256 has at most 78 decimal digits. */
export const MAX_AMOUNT_DIGITS = 78;
