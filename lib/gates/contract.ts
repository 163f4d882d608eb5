import { browser } from 'wxt/browser';
import type { Response } from '../messaging/requests';

// Requests from the in-page companion (our content script on a page that declared a token) to the
// background. The page is untrusted and runs next to that script, so the background answers only
// about the sender tab's own origin, takes that origin from the browser (never from the payload),
// and accepts nothing but these types with schema-checked payloads.

export const PAGE_REQUEST_CHANNEL = 'companion-page-request';

export type GateKind = 'post' | 'link' | 'code';

/** One gate of the page as the holder sees it. Content is raw: the content script sanitizes it. */
export interface GateView {
  gateId: string;
  title: string;
  kind: GateKind;
  /** The threshold in words, e.g. "1 ALEX". */
  requirement: string;
  state: 'locked' | 'unlocked';
  /** Why it is (again) locked, or a note on unlocked content (e.g. balance not re-checked). */
  note: string | null;
  unlocked: { content: string; address: string; expiresAt: number } | null;
}

/** What the small in-page companion shows for this site's creator. */
export interface CompanionSummary {
  creatorName: string;
  symbol: string | null;
  confirmed: boolean;
  following: boolean;
  /** The address whose holdings are shown (wallet or watch-only), or null when none is set. */
  account: string | null;
  /** e.g. "12,500 ALEX", null when unknown. */
  holding: string | null;
  holdingValue: string | null;
  /** e.g. "2 rounds to claim", null when nothing is known. */
  income: string | null;
  openVotes: number | null;
  dismissed: boolean;
}

/** A wallet the page announced (EIP-6963); name and icon are the page's words. */
export interface PageWalletChoice {
  uuid: string;
  name: string;
  rdns: string;
  /** A data:image URL, or null. */
  icon: string | null;
}

/** An unlock's outcome: the gate's new view, or the wallets to choose from first. */
export type UnlockOutcome = { kind: 'view'; view: GateView } | { kind: 'choose-wallet'; wallets: PageWalletChoice[] };

export interface PageRequestMap {
  /** The page's gates, unlocked where a session holds: answered before anything slow. */
  'page-gates': { payload: Record<string, never>; result: GateView[] };
  /** The companion card's figures, after a short refresh from the chain. */
  'companion-summary': { payload: Record<string, never>; result: CompanionSummary };
  /**
   * Unlocks one gate: the page's wallet signs a proof the extension built. With several wallets in
   * the page and no remembered choice, answers the choice first; `walletUuid` then names the pick.
   */
  'unlock-gate': { payload: { gateId: string; walletUuid?: string }; result: UnlockOutcome };
  /** Forgets the gate's unlock on this site; answers its locked view. */
  'lock-gate': { payload: { gateId: string }; result: GateView };
  'companion-dismiss': { payload: { dismissed: boolean }; result: null };
  /** Opens the extension's popup for this tab (a small window when the browser cannot open the popup itself). */
  'open-popup': { payload: Record<string, never>; result: null };
}

export type PageRequestType = keyof PageRequestMap;

export interface PageRequestEnvelope<T extends PageRequestType = PageRequestType> {
  channel: typeof PAGE_REQUEST_CHANNEL;
  type: T;
  payload: PageRequestMap[T]['payload'];
}

export class PageRequestError extends Error {
  override name = 'PageRequestError';
}

export async function sendPageRequest<T extends PageRequestType>(type: T, payload: PageRequestMap[T]['payload']): Promise<PageRequestMap[T]['result']> {
  const envelope: PageRequestEnvelope<T> = { channel: PAGE_REQUEST_CHANNEL, type, payload };
  const response = (await browser.runtime.sendMessage(envelope)) as Response<PageRequestMap[T]['result']> | undefined;
  if (!response) throw new PageRequestError('The extension did not answer. Reload the page and try again.');
  if (!response.ok) throw new PageRequestError(response.error);
  return response.value;
}
