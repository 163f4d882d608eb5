import '@/lib/protocol/zodNoEval';
import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod/mini';
import type { TabState } from '@/lib/detect/tabState';
import { BaseError, describeCauseChain } from '@/lib/errors/baseError';
import type { RequestContract, RequestContracts, RequestHandler, RequestHandlers, SenderContexts, SenderPolicy } from '../contract';
import { REQUEST_CHANNEL, type Response } from '../envelope';
import { PAGE_FRAME_PATH } from '@/lib/gates/pageFrame';
import { contentScriptTab, isExtensionPage, pageFrameTab } from './senders';

type Sender = Browser.runtime.MessageSender;

/** The router's own refusals, each with its stable code. */
export const ROUTER_REFUSALS = {
  'router.unknown-request': 'Unknown request.',
  'router.malformed': 'The request was malformed.',
  'router.sender-refused': 'This request is not allowed from here.',
  'router.not-declaring': 'This page has not declared a creator token.',
} as const;
type Refusal = keyof typeof ROUTER_REFUSALS;

/** What the holder reads when a handler failed in a way nobody wrote a sentence for (a bug). */
export const GENERIC_FAILURE: Record<SenderPolicy, string> = {
  popup: 'Something went wrong in the extension. Try again; if it persists, reload the extension.',
  'declaring-page': 'Something went wrong in the extension. Try again; if it persists, reload the page.',
  'any-page': 'Something went wrong in the extension. Try again; if it persists, reload the page.',
  'declaring-frame': 'Something went wrong in the extension. Try again; if it persists, reload the page.',
};

export interface RouterOptions<M extends RequestContracts> {
  contracts: M;
  handlers: RequestHandlers<M>;
  /** What a tab's document declared, for the `declaring-page` policy (another document of the tab declared nothing). */
  readTabState: (tabId: number, documentId: string | null) => Promise<TabState | null>;
  /** Which document of a tab declared, for the `declaring-frame` policy (null when unknown). */
  readDeclaringDocument?: (tabId: number) => Promise<string | null>;
  /** Checks every answer against its output schema (dev, devnet and test builds): a mismatch is a bug. */
  checkOutputs?: boolean;
  /**
   * Where a request of a type not in `contracts` goes (the service worker's start script answers
   * a few types itself and hands the rest to the whole background, loaded on first need); without
   * it, such a request is refused as unknown.
   */
  otherwise?: Route;
  log?: (message: string, ...details: unknown[]) => void;
}

export type Route = (message: unknown, sender: Sender) => Promise<Response<unknown>>;

const envelopeSchema = z.object({ channel: z.literal(REQUEST_CHANNEL), type: z.string().check(z.maxLength(64)), payload: z.unknown() });

type Resolved<P extends SenderPolicy> = { ok: true; context: SenderContexts[P] } | { ok: false; refusal: Refusal };
type TabReaders = Pick<RouterOptions<RequestContracts>, 'readTabState' | 'readDeclaringDocument'>;
type Resolvers = { [P in SenderPolicy]: (sender: Sender, tabs: TabReaders) => Promise<Resolved<P>> };

/** Each policy turns the browser's description of the sender into the handler's context, or refuses. */
const resolvers: Resolvers = {
  // An extension page embedded in a web page (our page frame) never makes the popup's requests.
  popup: async (sender) =>
    isExtensionPage(sender) && !(sender.tab && sender.frameId)
      ? { ok: true, context: { kind: 'popup' } }
      : { ok: false, refusal: 'router.sender-refused' },
  'any-page': async (sender) => {
    const page = pageSender(sender);
    return page ? { ok: true, context: page } : { ok: false, refusal: 'router.sender-refused' };
  },
  'declaring-page': async (sender, { readTabState }) => {
    const page = pageSender(sender);
    if (!page) return { ok: false, refusal: 'router.sender-refused' };
    const state = await readTabState(page.tabId, page.documentId);
    if (state?.status !== 'detected' || state.origin !== page.origin) return { ok: false, refusal: 'router.not-declaring' };
    return { ok: true, context: { ...page, state } };
  },
  'declaring-frame': async (sender, { readTabState, readDeclaringDocument }) => {
    const frame = pageFrameTab(sender, PAGE_FRAME_PATH);
    if (!frame) return { ok: false, refusal: 'router.sender-refused' };
    const documentId = (await readDeclaringDocument?.(frame.tabId)) ?? null;
    const state = await readTabState(frame.tabId, documentId);
    if (state?.status !== 'detected' || state.origin !== frame.origin) return { ok: false, refusal: 'router.not-declaring' };
    return { ok: true, context: { ...frame, documentId, state } };
  },
};

function resolve<P extends SenderPolicy>(policy: P, sender: Sender, tabs: TabReaders): Promise<Resolved<P>> {
  const resolver: Resolvers[P] = resolvers[policy];
  return resolver(sender, tabs);
}

function pageSender(sender: Sender): SenderContexts['any-page'] | null {
  const tab = contentScriptTab(sender);
  return tab && { ...tab, documentId: sender.documentId ?? null }; // documentId: Chrome only
}

type Run = (payload: unknown, sender: Sender) => Promise<Response<unknown>>;

/**
 * The single router of runtime messages: every request is declared by a feature's contract with
 * its sender policy, input and output schemas. Unknown types, malformed payloads and senders the
 * policy does not allow are refused; a handler's BaseError reaches the caller with its own
 * sentence; anything else is logged with its cause chain and answered with a generic sentence.
 */
export function createRouter<M extends RequestContracts>(options: RouterOptions<M>): Route {
  const { contracts, handlers, readTabState, readDeclaringDocument, checkOutputs = false, otherwise, log = console.error } = options;

  const bind = <C extends RequestContract>(type: string, contract: C, handler: RequestHandler<C>): Run => {
    return async (raw, sender) => {
      const resolved = await resolve<C['sender']>(contract.sender, sender, { readTabState, readDeclaringDocument });
      if (!resolved.ok) return refuse(resolved.refusal);
      const payload = z.safeParse<C['input']>(contract.input, raw);
      if (!payload.success) return refuse('router.malformed');
      try {
        const value = await handler(payload.data, resolved.context);
        if (checkOutputs) {
          const checked = z.safeParse(contract.output, value);
          if (!checked.success) throw new Error(`answer does not match the output schema of ${type}: ${z.prettifyError(checked.error)}`);
        }
        return { ok: true, value };
      } catch (error) {
        if (error instanceof BaseError) return { ok: false, error: error.shortMessage, code: error.code };
        log(`request ${type} failed:\n  ${describeCauseChain(error).join('\n  caused by ')}`, error);
        return { ok: false, error: GENERIC_FAILURE[contract.sender], code: 'router.internal' };
      }
    };
  };

  const routes = new Map<string, Run>();
  const add = <K extends keyof M & string>(type: K) => routes.set(type, bind(type, contracts[type], handlers[type]));
  for (const type in contracts) add(type);

  return async (message, sender) => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return refuse('router.unknown-request');
    const run = routes.get(envelope.data.type);
    if (run) return run(envelope.data.payload, sender);
    return otherwise ? otherwise(message, sender) : refuse('router.unknown-request');
  };
}

function refuse(code: Refusal): Response<never> {
  return { ok: false, error: ROUTER_REFUSALS[code], code };
}

/** Answers every runtime message through `route`; `answered` is told after each answer is sent. */
export function listenForMessages(route: Route, answered?: () => void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    void route(message, sender).then((response) => {
      sendResponse(response);
      answered?.();
    });
    return true; // answer asynchronously
  });
}
