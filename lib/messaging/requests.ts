import { browser } from 'wxt/browser';
import type { TabState } from '../detect/tabState';
import type { ProposalWithPower, TallyView } from '../votes/contract';

// Requests from extension pages (the popup) to the background. One entry per request:
// its payload and what it answers. The background checks the sender and the payload.
export interface RequestMap {
  'tab-state': { payload: { tabId: number }; result: TabState | null };
  refresh: { payload: { tokenIds: string[] }; result: RefreshOutcome };
  follow: { payload: { tabId: number }; result: { tokenId: string } };
  unfollow: { payload: { tokenId: string }; result: null };
  'set-watch-address': { payload: { address: string | null }; result: { address: string | null } };
  'set-rpc-urls': { payload: { chainId: number; urls: string[] }; result: { urls: string[] } };
  'clear-all-data': { payload: Record<string, never>; result: null };
  'wallet-connect': { payload: Record<string, never>; result: { account: string; chainId: number } };
  'wallet-disconnect': { payload: Record<string, never>; result: null };
  proposals: { payload: { tokenId: string }; result: ProposalWithPower[] };
  /** Saves the vote, asks the wallet, posts it; resolves with the vote's id once saved and signed or refused. */
  'cast-vote': { payload: { tokenId: string; proposalId: string; choice: unknown; reason?: string }; result: { voteId: string } };
  /** Sends a signed vote the hub has not taken yet again, now (the same signature). */
  'retry-vote': { payload: { voteId: string }; result: null };
  tally: { payload: { tokenId: string; proposalId: string }; result: TallyView };
  /** Claims a distribution round; resolves once the wallet sent it (the receipt is followed in the background). */
  claim: { payload: { tokenId: string; roundId: string }; result: { transactionId: string } };
  'collect-rewards': { payload: { tokenId: string; staking: string }; result: { transactionId: string } };
  /** Shows the in-page companion card again on the tab's site (from its next page load). */
  'show-page-card': { payload: { tabId: number }; result: null };
}

export type RequestType = keyof RequestMap;

export interface RefreshOutcome {
  /** Per chain read: the block it was read at, or why it failed. */
  chains: { chainId: number; chainName: string; blockNumber: string | null; error: string | null }[];
}

export interface RequestEnvelope<T extends RequestType = RequestType> {
  channel: 'companion-request';
  type: T;
  payload: RequestMap[T]['payload'];
}

export type Response<T> = { ok: true; value: T } | { ok: false, error: string };

/** Error carrying the background's message, meant to be shown as is. */
export class RequestError extends Error {
  override name = 'RequestError';
}

export async function sendRequest<T extends RequestType>(type: T, payload: RequestMap[T]['payload']): Promise<RequestMap[T]['result']> {
  const envelope: RequestEnvelope<T> = { channel: 'companion-request', type, payload };
  const response = (await browser.runtime.sendMessage(envelope)) as Response<RequestMap[T]['result']> | undefined;
  if (!response) throw new RequestError('The extension background did not answer. Try again.');
  if (!response.ok) throw new RequestError(response.error);
  return response.value;
}

/** Name of the port the popup keeps open; its closing marks the holdings as looked at. */
export const POPUP_SESSION_PORT = 'popup-session';
