// The wire format between our contexts and the background. Types and one constant only: the
// all-pages content script imports this and must stay free of the schema library.

export const REQUEST_CHANNEL = 'companion-request';

export interface RequestEnvelope<T extends string = string, P = unknown> {
  channel: typeof REQUEST_CHANNEL;
  type: T;
  payload: P;
}

/** The background's answer: the value, or a sentence for the holder with the error's stable code. */
export type Response<T> = { ok: true; value: T } | { ok: false; error: string; code: string };
