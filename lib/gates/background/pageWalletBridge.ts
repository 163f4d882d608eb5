import '@/lib/protocol/zodNoEval';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { PageWalletChoice } from '@/lib/gates/contract';
import { keepAliveWhile } from '../../wallet/keepAlive';
import { RPC_ERROR_CODES } from '../../wallet/walletError';
import { UserFacingError } from '../../app/userFacingError';
import { keyedQueue } from '../../app/background/keyedQueue';

// Page-bound signatures (Sign-In-with-Ethereum for a creator's site) must come from the wallet as the
// PAGE sees it: a wallet asked by an extension sees `chrome-extension://…` as the requester and
// refuses a message for the site's domain. So the request is made in the tab's main world, through
// a wallet the page announces with EIP-6963, by a function injected with scripting.executeScript
// whose result comes straight back here: no window messages a page could forge or overhear.
// The page controls its main world, so everything returned is untrusted input: the caller checks
// the signature against the message it built, and a page that fakes a wallet only fools itself.

const ANNOUNCE_WAIT_MS = 150;
/** A person reading a prompt in their wallet; past this the unlock is given up. */
const PROMPT_TIMEOUT_MS = 5 * 60_000;
const MAX_ICON_CHARS = 20_000;

const choiceSchema = z.object({
  uuid: z.string().min(1).max(100),
  name: z.string().max(100),
  rdns: z.string().max(200),
  icon: z.string().max(MAX_ICON_CHARS).nullable(),
});

const outcomeSchema = z.union([
  z.object({ ok: z.literal(true), wallets: z.array(choiceSchema).max(20) }),
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['no-wallet', 'wallet-gone', 'navigated', 'error']),
    code: z.number().nullable(),
    message: z.string().max(500),
  }),
]);

/** One request for the wallet announced with `uuid`; null lists the announced wallets instead. */
type PageCall = { uuid: string; method: string; params: unknown[] } | null;

/**
 * Runs in the page's main world; serialized by executeScript, so it may use only its arguments.
 * Asks the EIP-6963 wallets to announce, then lists them or makes one request to the chosen one.
 */
function inPage(expectedOrigin: string, waitMs: number, maxIconChars: number, call: PageCall) {
  type Announced = {
    info?: { uuid?: unknown; name?: unknown; rdns?: unknown; icon?: unknown };
    provider?: { request?: (args: { method: string; params: unknown[] }) => Promise<unknown> };
  };
  return new Promise((resolve) => {
    // The tab moved on to another site since the holder clicked: ask nothing there.
    if (location.origin !== expectedOrigin) return resolve({ ok: false, reason: 'navigated', code: null, message: location.origin });
    const wallets: Announced[] = [];
    const onAnnounce = (event: Event) => {
      const detail = (event as CustomEvent<Announced>).detail;
      if (!detail || typeof detail.provider?.request !== 'function' || typeof detail.info?.uuid !== 'string') return;
      // A wallet announces once per request: anyone else's request (the page's own) repeats it.
      if (!wallets.some((w) => w.info!.uuid === detail.info!.uuid)) wallets.push(detail);
    };
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    setTimeout(() => {
      window.removeEventListener('eip6963:announceProvider', onAnnounce);
      if (wallets.length === 0)
        return resolve({ ok: false, reason: 'no-wallet', code: null, message: 'No wallet announced itself on this page.' });
      if (!call) {
        const text = (value: unknown, max: number) => String(value ?? '').slice(0, max);
        const icon = (value: unknown) =>
          typeof value === 'string' && value.startsWith('data:image/') && value.length <= maxIconChars ? value : null;
        const list = wallets.slice(0, 20).map((w) => ({
          uuid: text(w.info!.uuid, 100),
          name: text(w.info!.name ?? 'Wallet', 100),
          rdns: text(w.info!.rdns, 200),
          icon: icon(w.info!.icon),
        }));
        return resolve({ ok: true, wallets: list });
      }
      const wallet = wallets.find((w) => w.info!.uuid === call.uuid);
      if (!wallet) return resolve({ ok: false, reason: 'wallet-gone', code: null, message: 'That wallet is no longer on this page.' });
      // Through a resolved promise: a provider that throws instead of rejecting still answers.
      Promise.resolve()
        .then(() => wallet.provider!.request!({ method: call.method, params: call.params }))
        .then(
          (result) => resolve({ ok: true, result }),
          (error: { code?: unknown; message?: unknown }) =>
            resolve({
              ok: false,
              reason: 'error',
              code: typeof error?.code === 'number' ? error.code : null,
              message: String(error?.message ?? error).slice(0, 500),
            }),
        );
    }, waitMs);
  });
}

/** The document to ask in: the one whose content script asked, on the origin it had then. */
export interface PageTarget {
  tabId: number;
  documentId: string | null;
  origin: string;
}

/**
 * One wallet call at a time per tab, in click order: two lookups at once would hear each other's
 * announcements, and a wallet takes one prompt at a time anyway. A second click waits its turn.
 */
const oneAtATime = keyedQueue<number>();

function runInPage(page: PageTarget, call: PageCall) {
  return oneAtATime(page.tabId, () => runInPageNow(page, call));
}

async function runInPageNow(page: PageTarget, call: PageCall) {
  // documentIds (Chrome) pins the very document; elsewhere the origin check inside does.
  const target = page.documentId ? { tabId: page.tabId, documentIds: [page.documentId] } : { tabId: page.tabId, frameIds: [0] };
  const injection = browser.scripting.executeScript({
    target,
    world: 'MAIN',
    func: inPage,
    args: [page.origin, ANNOUNCE_WAIT_MS, MAX_ICON_CHARS, call],
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new UserFacingError('The wallet did not answer within 5 minutes. Nothing was unlocked.')), PROMPT_TIMEOUT_MS),
  );
  let results: Awaited<typeof injection>;
  try {
    results = await keepAliveWhile(Promise.race([injection, timeout]));
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('The page closed or navigated before the wallet answered. Nothing was unlocked.');
  }
  const outcome = outcomeSchema.safeParse(results[0]?.result);
  if (!outcome.success)
    throw new UserFacingError('The wallet on this page gave an answer the companion cannot read. Nothing was unlocked.');
  const answer = outcome.data;
  if (answer.ok) return answer;
  if (answer.reason === 'navigated') throw new UserFacingError('The tab left the site before the wallet was asked. Nothing was signed.');
  if (answer.reason === 'no-wallet') {
    throw new UserFacingError(
      'No wallet is available on this page. Install or enable MetaMask (or another wallet), reload the page and try again.',
    );
  }
  if (answer.reason === 'wallet-gone') throw new UserFacingError('That wallet is no longer on this page. Try again.');
  if (answer.code === RPC_ERROR_CODES.userRejected)
    throw new UserFacingError('You cancelled in your wallet. Nothing was signed or unlocked.');
  if (answer.code === RPC_ERROR_CODES.requestPending)
    throw new UserFacingError('Your wallet already has a request waiting. Finish it in the wallet, then try again.');
  throw new UserFacingError(`Your wallet refused: ${answer.message}`);
}

/** The wallets the page announces (names and icons are the page's words: display them as text and images only). */
export async function listPageWallets(page: PageTarget): Promise<PageWalletChoice[]> {
  const answer = await runInPage(page, null);
  if (!('wallets' in answer))
    throw new UserFacingError('The wallet on this page gave an answer the companion cannot read. Nothing was unlocked.');
  return answer.wallets;
}

/** One JSON-RPC request to the wallet announced as `uuid`, answered or refused in plain words. */
export async function requestPageWallet(page: PageTarget, uuid: string, method: string, params: unknown[]): Promise<unknown> {
  const answer = await runInPage(page, { uuid, method, params });
  if (!('result' in answer))
    throw new UserFacingError('The wallet on this page gave an answer the companion cannot read. Nothing was unlocked.');
  return answer.result;
}
