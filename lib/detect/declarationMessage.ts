// What the all-pages content script tells the background (the `declaration` request of
// lib/detect/contract.ts). Types only: the content script must stay tiny, and the background
// validates every field again (the page is untrusted).

export const DECLARATION_MESSAGE = 'personal-token/declaration';

/** Limits shared by the content script (which enforces them first) and the background. */
export const DECLARATION_LIMITS = {
  tokenChars: 200,
  manifestUrlChars: 2048,
  manifestBytes: 64 * 1024,
  manifestTimeoutMs: 5_000,
} as const;

export type ManifestFetch =
  | { url: string; text: string }
  /** The manifest could not be fetched or was refused before reading; `error` says why. */
  | { url: string | null; error: string };

export interface DeclarationMessage {
  kind: typeof DECLARATION_MESSAGE;
  /** Raw content of `<meta name="personal-token">`, or an error found while reading the page. */
  token: string | null;
  pageError: string | null;
  manifest: ManifestFetch | null;
  /** A single-page site removed the declaration it made earlier from this same document. */
  withdrawn?: true;
}
