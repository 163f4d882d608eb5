import type { z } from 'zod';
import type { TabState } from '@/lib/detect/tabState';

// A request is its contract: who may send it, what it carries and what it answers. Each feature
// declares its own in `lib/<feature>/contract.ts`; types come from the schemas (`z.infer`).

/**
 * Who may send a request:
 * - `popup`: one of this extension's pages (the popup, also when opened as a tab);
 * - `declaring-page`: our content script in a tab's top frame, whose tab declared a creator on
 *   that same origin (the browser's word for the origin, never the page's);
 * - `any-page`: our content script in a tab's top frame of any http(s) page;
 * - `declaring-frame`: our page frame (an extension page the content script shows in an iframe,
 *   where the page cannot read what it renders) directly inside a tab whose top-level page
 *   declared a creator; the tab and its origin are the browser's word, never the frame's URL.
 */
export type SenderPolicy = 'popup' | 'declaring-page' | 'any-page' | 'declaring-frame';

/** A zod or a zod/mini schema (the service worker's start script uses zod/mini, which is far smaller). */
type Schema = z.core.$ZodType;

export interface RequestContract<P extends SenderPolicy = SenderPolicy, I extends Schema = Schema, O extends Schema = Schema> {
  sender: P;
  input: I;
  output: O;
}

export function defineRequest<P extends SenderPolicy, I extends Schema, O extends Schema>(
  contract: RequestContract<P, I, O>,
): RequestContract<P, I, O> {
  return contract;
}

export type RequestContracts = Record<string, RequestContract>;

/** A page that asked, as the browser (not the page) describes it. */
export interface PageSender {
  tabId: number;
  origin: string;
  /** The document that asked (Chrome); a signature is requested in that document only. */
  documentId: string | null;
}

/** A page whose tab declared a creator on its own origin, with what it declared. */
export interface DeclaringPage extends PageSender {
  state: Extract<TabState, { status: 'detected' }>;
}

export interface SenderContexts {
  popup: { kind: 'popup' };
  'any-page': PageSender;
  'declaring-page': DeclaringPage;
  /** `documentId` is the document that declared: signatures are asked of it, never of the frame. */
  'declaring-frame': DeclaringPage;
}

/** What the caller passes (before the schema's defaults and transforms). */
export type InputOf<C extends RequestContract> = z.input<C['input']>;
/** What the handler receives (after the schema checked it). */
export type PayloadOf<C extends RequestContract> = z.output<C['input']>;
/** What the handler answers and the caller receives. */
export type ResultOf<C extends RequestContract> = z.output<C['output']>;

export type RequestHandler<C extends RequestContract> = (
  payload: PayloadOf<C>,
  sender: SenderContexts[C['sender']],
) => Promise<ResultOf<C>>;

/** One handler per request of a contract map, each typed from its schemas and sender policy. */
export type RequestHandlers<M extends RequestContracts> = { [T in keyof M]: RequestHandler<M[T]> };
