import { browser } from 'wxt/browser';
import type { AppRequests, AppRequestType } from '@/lib/app/contract';
import { BaseError } from '@/lib/errors/baseError';
import type { InputOf, ResultOf, SenderPolicy } from './contract';
import { REQUEST_CHANNEL, type RequestEnvelope, type Response } from './envelope';

// Sending requests to the background from our pages and content scripts. Types come from the
// features' contracts (type-only import: no schema is bundled for this).

export type RequestType = AppRequestType;
export type RequestInput<T extends RequestType> = InputOf<AppRequests[T]>;
export type RequestResult<T extends RequestType> = ResultOf<AppRequests[T]>;
/** The requests a given sender may make. */
export type RequestTypeFor<P extends SenderPolicy> = { [T in RequestType]: AppRequests[T]['sender'] extends P ? T : never }[RequestType];

/** Error carrying the background's message, meant to be shown as is. */
export class RequestError extends BaseError {
  override name = 'RequestError';
  constructor(message: string, code = 'request.failed') {
    super(message, { code });
  }
}

/** The answer as the background sent it; the transport cannot carry its type. */
function isResponse(answer: unknown): answer is Response<unknown> {
  return typeof answer === 'object' && answer !== null && 'ok' in answer && typeof answer.ok === 'boolean';
}

async function send<T extends RequestType>(type: T, payload: RequestInput<T>, noAnswer: string): Promise<RequestResult<T>> {
  const envelope: RequestEnvelope<T, RequestInput<T>> = { channel: REQUEST_CHANNEL, type, payload };
  const response: unknown = await browser.runtime.sendMessage(envelope);
  if (!isResponse(response)) throw new RequestError(noAnswer, 'request.no-answer');
  if (!response.ok) throw new RequestError(response.error, response.code);
  // The contract's type: the background checks each answer against its output schema (outside release builds).
  return response.value as RequestResult<T>;
}

/** A request from one of the extension's pages (the popup). */
export function sendRequest<T extends RequestTypeFor<'popup'>>(type: T, payload: RequestInput<T>): Promise<RequestResult<T>> {
  return send(type, payload, 'The extension background did not answer. Try again.');
}

/** A request from the in-page companion about its own tab. */
export function sendPageRequest<T extends RequestTypeFor<'declaring-page'>>(type: T, payload: RequestInput<T>): Promise<RequestResult<T>> {
  return send(type, payload, 'The extension did not answer. Reload the page and try again.');
}

/** Name of the port the popup keeps open; its closing marks the holdings as looked at. */
/** A request from our page frame shown inside a declaring page (lib/gates/pageFrame.ts). */
export function sendFrameRequest<T extends RequestTypeFor<'declaring-frame'>>(
  type: T,
  payload: RequestInput<T>,
): Promise<RequestResult<T>> {
  return send(type, payload, 'The extension did not answer. Reload the page and try again.');
}

export const POPUP_SESSION_PORT = 'popup-session';
