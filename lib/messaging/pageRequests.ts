import { browser } from 'wxt/browser';
import type { Response } from './requests';

// Requests about a tab that declared a token, from two places:
// - our content script in that page (PAGE_REQUEST_CHANNEL): only where to put frames. The page can
//   read whatever is rendered into its document (closed shadow roots included: `window.find`), so
//   this script never receives a figure, a note or unlocked content.
// - our page frame (FRAME_REQUEST_CHANNEL): entrypoints/page-frame, an extension page the content
//   script shows in an iframe, where the page cannot read. It renders the gates and the card.
// The background answers only about the sender tab's own top-level origin, taken from the browser
// (never from the payload), and accepts nothing but these types with schema-checked payloads.

export const PAGE_REQUEST_CHANNEL = 'companion-page-request';
export const FRAME_REQUEST_CHANNEL = 'companion-frame-request';
/** The extension page shown in frames inside declaring pages (web_accessible_resources). */
export const PAGE_FRAME_PATH = '/page-frame.html';

export type GateKind = 'post' | 'link' | 'code';

/** One gate of the page as the holder sees it. Content is raw: the page frame sanitizes it. */
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

/** Where the content script puts frames: the page learns nothing from it it could not see anyway. */
export interface PageLayout {
  /** The manifest's gates, and whether each shows unlocked (the page's teaser then steps aside). */
  gates: { gateId: string; unlocked: boolean }[];
  /** Whether to show the card (the holder did not hide it on this site). */
  card: boolean;
}

export interface PageRequestMap {
  /** Which gates and whether the card: answered before anything slow. */
  'page-layout': { payload: Record<string, never>; result: PageLayout };
}

export interface FrameRequestMap {
  /** One gate of the page as the holder sees it, unlocked where a session holds. */
  'frame-gate': { payload: { gateId: string }; result: GateView };
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
export type FrameRequestType = keyof FrameRequestMap;

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

export interface FrameRequestEnvelope<T extends FrameRequestType = FrameRequestType> {
  channel: typeof FRAME_REQUEST_CHANNEL;
  type: T;
  payload: FrameRequestMap[T]['payload'];
}

/** From our page frame: the background knows the tab from the browser, not from the frame's URL. */
export async function sendFrameRequest<T extends FrameRequestType>(type: T, payload: FrameRequestMap[T]['payload']): Promise<FrameRequestMap[T]['result']> {
  const envelope: FrameRequestEnvelope<T> = { channel: FRAME_REQUEST_CHANNEL, type, payload };
  const response = (await browser.runtime.sendMessage(envelope)) as Response<FrameRequestMap[T]['result']> | undefined;
  if (!response) throw new PageRequestError('The extension did not answer. Reload the page and try again.');
  if (!response.ok) throw new PageRequestError(response.error);
  return response.value;
}

/** What a page frame tells the content script that placed it (posted to the page: public facts only). */
export interface FrameNotice {
  ptcFrame: string;
  height: number;
  /** Gates: whether it shows unlocked (the teaser steps aside). */
  unlocked?: boolean;
  /** The card: the holder hid it on this site. */
  dismissed?: boolean;
}
