import { getAddress, isAddress, isHex, stringToHex, type Hex } from 'viem';
import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import { chainById } from '@/lib/chain/knownChains';
import type { RedemptionRow, TransactionRow } from '@/lib/db/rows';
import { holderMessage } from '@/lib/errors/baseError';
import { shortAddress } from '@/lib/format/format';
import { ALLOW_LOCALHOST } from '@/lib/gates/core/unlockedLink';
import { buildSiweMessage, checkSiweOrigin, verifySiweMessage } from '@/lib/gates/core/siwe';
import { lowerAddress } from '@/lib/protocol/address';
import { parseTokenId } from '@/lib/protocol/caip19';
import { readSettings } from '@/lib/settings/settingsRepository';
import { transactionById } from '@/lib/wallet/transactionsRepository';
import { UserFacingError } from '../../app/userFacingError';
import type { PageContext } from '../../gates/background/pageContext';
import { pickPageWallet } from '../../gates/background/pickPageWallet';
import { amountText, minimumText, readTokenBalances } from '../../gates/background/tokenReads';
import { keepAliveWhile } from '../../wallet/keepAlive';
import { sendTrackedTransaction } from '../../wallet/sendTrackedTransaction';
import { OfferEndpointError, fetchOfferNonce, postOfferBooking } from '../core/offerEndpoint';
import { offerProofFields } from '../core/offerProof';
import { buildTransferCall } from '../core/transferCall';
import { offersOf } from '../core/offersOf';
import {
  redemptionById,
  redemptionsWithStatus,
  saveRedemption,
  updateRedemption,
  UNFINISHED_REDEMPTION_STATUSES,
} from '../redemptionsRepository';

/**
 * Redeeming a creator's offer, in the background, one step after the other, each saved before
 * the next: checks (confirmed site, balance, simulated transfer) → the row is saved → the page's
 * wallet signs a proof of the sender bound to the creator's origin → the transfer is sent and
 * followed to its receipt → the creator's endpoint checks it on chain and answers a booking
 * reference. The proof comes first so that nothing is paid for a proof the holder did not sign;
 * it is signed in the creator's page (as for gates), so that page must stay open in the tab.
 */
export type OffersDeps = Pick<BackgroundDeps, 'db' | 'clientFor' | 'wallet' | 'pageWallet'>;

export interface RedemptionRun {
  redemptionId: string;
  /** Settles when the redemption stops (booked, failed, or waiting for "Book again"); never rejects. */
  finished: Promise<RedemptionRow | undefined>;
}

export async function redeemOffer(deps: OffersDeps, page: PageContext, offerId: string): Promise<RedemptionRun> {
  const { db } = deps;
  const { state } = page;
  const who = state.creatorName ?? 'this creator';
  if (state.confirmation !== 'confirmed')
    throw new UserFacingError(
      `This site is not confirmed as ${who}'s (neither a curated list nor the token's own records name it), so the companion does not pay through it. Nothing was signed or paid.`,
    );
  const [warning] = state.warnings ?? [];
  if (warning) throw new UserFacingError(`${warning} The companion does not pay through this site. Nothing was signed or paid.`);
  const offer = offersOf(state.manifest).find((o) => o.id === offerId);
  if (!offer) throw new UserFacingError(`This site's manifest has no offer "${offerId.slice(0, 64)}". Reload the page and try again.`);
  const site = checkSiweOrigin(page.origin, { allowLocalhost: ALLOW_LOCALHOST });
  if (!site.ok) throw new UserFacingError(`Redeeming is not possible here: ${site.reason}`);
  const endpoint = checkSiweOrigin(new URL(offer.endpoint).origin, { allowLocalhost: ALLOW_LOCALHOST });
  if (!endpoint.ok) throw new UserFacingError(`This offer's booking endpoint cannot be used: ${endpoint.reason}`);

  const settings = await readSettings(db);
  const account = settings.wallet?.account;
  if (!account) throw new UserFacingError('Connect a wallet to redeem: a watched address cannot pay.');
  const token = await readTokenBalances(deps, state.tokenId, [account]).catch((error: unknown) => {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      `Could not read ${shortAddress(account)}'s balance from ${state.chainName}. Nothing was signed or paid; try again.`,
    );
  });
  const price = BigInt(offer.price);
  const balance = token.balances.get(getAddress(account)) ?? 0n;
  if (balance < price)
    throw new UserFacingError(
      `You need ${minimumText(price, token)} for this; ${shortAddress(account)} holds ${amountText(balance, token)}.`,
    );

  const call = buildTransferCall(state.address, offer.recipient, price);
  const chain = chainById(state.chainId);
  if (!chain) throw new UserFacingError(`Chain ${state.chainId} is not supported by this build.`);
  try {
    await deps.clientFor(chain, settings.rpcUrls[state.chainId]).call({ account, ...call });
  } catch (error) {
    throw new UserFacingError(`This payment would fail on chain, so nothing was signed or paid: ${holderMessage(error).split('\n')[0]}`);
  }

  const now = Date.now();
  const row: RedemptionRow = {
    id: crypto.randomUUID(),
    tokenId: state.tokenId,
    chainId: state.chainId,
    origin: page.origin,
    offerId: offer.id,
    offerTitle: offer.title,
    price: offer.price,
    recipient: offer.recipient,
    endpoint: offer.endpoint,
    symbol: token.symbol,
    decimals: token.decimals,
    account: lowerAddress(account),
    message: null,
    signature: null,
    transactionId: null,
    hash: null,
    reference: null,
    status: 'proving',
    error: null,
    createdAt: now,
    updatedAt: now,
  };
  await saveRedemption(db, row);
  const finished = keepAliveWhile(
    (async () => {
      if (await proveStep(deps, page, row.id)) await payStep(deps, row.id);
      await bookStep(deps, row.id);
      return redemptionById(db, row.id);
    })(),
  ).catch(() => redemptionById(db, row.id));
  return { redemptionId: row.id, finished };
}

/**
 * "Book again": the payment went through but the booking did not. A fresh proof (new nonce) is
 * signed in the creator's page, then the same transaction hash is sent again: nothing is paid.
 */
export async function bookAgain(deps: OffersDeps, page: PageContext, redemptionId: string): Promise<RedemptionRun> {
  const { db } = deps;
  const row = await redemptionById(db, redemptionId);
  if (!row) throw new UserFacingError('This redemption is no longer kept by the companion.');
  if (row.status === 'booked') throw new UserFacingError(`Already booked: ${row.reference ?? ''}.`);
  if (row.status !== 'booking-failed' || !row.hash)
    throw new UserFacingError('Only a paid redemption whose booking failed can be booked again.');
  if (page.origin !== row.origin)
    throw new UserFacingError(`Open ${row.origin} in this tab to book again: your wallet signs the booking proof there.`);
  await updateRedemption(db, row.id, { status: 'booking', error: null });
  const finished = keepAliveWhile(
    (async () => {
      if (await proveStep(deps, page, row.id, 'booking')) await bookStep(deps, row.id);
      return redemptionById(db, row.id);
    })(),
  ).catch(() => redemptionById(db, row.id));
  return { redemptionId: row.id, finished };
}

/**
 * The page's wallet signs the proof. On the first attempt (`proving`) a refusal means nothing
 * was paid; when booking again, the payment stands and the row waits for another try.
 */
async function proveStep(deps: OffersDeps, page: PageContext, id: string, retry?: 'booking'): Promise<boolean> {
  const { db } = deps;
  const row = await redemptionById(db, id);
  if (!row) return false;
  try {
    const { message, signature } = await signProof(deps, page, row);
    await updateRedemption(db, id, { message, signature, ...(retry ? {} : { status: 'paying' }) });
    return true;
  } catch (error) {
    // The page-wallet bridge speaks of unlocking (gates); here the stake is a payment.
    const reason = holderMessage(error).replace(/Nothing was (signed or )?unlocked\./, 'Nothing was signed or paid.');
    const cancelled = /cancelled in your wallet/i.test(reason);
    if (retry) {
      const said = reason.replace(/\s*Nothing was (signed or paid|signed|paid)\./g, '');
      await updateRedemption(db, id, { status: 'booking-failed', error: `${said} ${PAID_NOT_BOOKED}` });
    } else
      await updateRedemption(db, id, {
        status: cancelled ? 'cancelled' : 'failed',
        error: /nothing was (signed|paid)/i.test(reason) ? reason : `${reason} Nothing was paid.`,
      });
    return false;
  }
}

async function signProof(deps: OffersDeps, page: PageContext, row: RedemptionRow): Promise<{ message: string; signature: Hex }> {
  const site = checkSiweOrigin(page.origin, { allowLocalhost: ALLOW_LOCALHOST });
  if (!site.ok) throw new UserFacingError(`Redeeming is not possible here: ${site.reason}`);
  const pick = await pickPageWallet(deps, page, null);
  if ('choices' in pick)
    throw new UserFacingError(
      'Several wallets are on this page and none is chosen for this site yet: unlock a gate on the page with the wallet you pay from (the choice is remembered), then redeem again. Nothing was signed or paid.',
    );
  const shared = await deps.pageWallet.request(page, pick.wallet.uuid, 'eth_requestAccounts', []);
  const first = Array.isArray(shared) ? shared[0] : undefined;
  if (typeof first !== 'string' || !isAddress(first, { strict: false }))
    throw new UserFacingError('The wallet on this page shared no account. Nothing was signed or paid.');
  const address = getAddress(first);
  if (lowerAddress(address) !== row.account)
    throw new UserFacingError(
      `The wallet on this page signs as ${shortAddress(address)}, but the payment comes from ${shortAddress(getAddress(row.account))}: choose ${shortAddress(getAddress(row.account))} in the page's wallet and try again. Nothing was signed or paid.`,
    );
  const nonce = await askCreator(() => fetchOfferNonce(row.endpoint));
  const priceText = minimumText(BigInt(row.price), row);
  const message = buildSiweMessage(
    offerProofFields({
      domain: site.domain,
      uri: site.uri,
      address,
      chainId: row.chainId,
      nonce,
      offer: { id: row.offerId, title: row.offerTitle },
      priceText,
      now: new Date(),
    }),
  );
  const signature = await deps.pageWallet.request(page, pick.wallet.uuid, 'personal_sign', [stringToHex(message), address]);
  if (typeof signature !== 'string' || !isHex(signature))
    throw new UserFacingError('The wallet did not return a signature. Nothing was signed or paid.');
  try {
    await verifySiweMessage({
      message,
      signature,
      expected: { domain: site.domain, nonce, address, chainId: row.chainId, uri: site.uri, time: new Date() },
    });
  } catch {
    throw new UserFacingError(
      `The signature is not ${shortAddress(address)}'s signature of the proof the companion built. Nothing was paid.`,
    );
  }
  return { message, signature };
}

/** Sends the transfer through the tracked-transaction path, then waits for its outcome. */
async function payStep(deps: OffersDeps, id: string): Promise<void> {
  const { db } = deps;
  const row = await redemptionById(db, id);
  if (row?.status !== 'paying') return;
  const call = buildTransferCall(parseTokenId(row.tokenId).address, row.recipient, BigInt(row.price));
  let transactionId: string;
  try {
    ({ transactionId } = await sendTrackedTransaction(deps, {
      kind: 'redeem',
      tokenId: row.tokenId,
      chainId: row.chainId,
      subject: row.id,
      label: `Pay for ${row.offerTitle}`,
      ...call,
    }));
  } catch (error) {
    await updateRedemption(db, id, { status: 'failed', error: `${holderMessage(error)} Nothing was paid.` });
    return;
  }
  await updateRedemption(db, id, { transactionId });
  await settlePayment(deps, id, transactionId);
}

const SETTLE_POLL_MS = 500;
const SETTLE_TIMEOUT_MS = 15 * 60_000;

/** The payment's transaction record decides: confirmed → booking; failed or cancelled → not paid. */
async function settlePayment(deps: Pick<OffersDeps, 'db'>, id: string, transactionId: string): Promise<void> {
  const { db } = deps;
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let tx: TransactionRow | undefined;
  for (;;) {
    tx = await transactionById(db, transactionId);
    if (!tx || (tx.status !== 'awaiting-signature' && tx.status !== 'pending')) break;
    if (Date.now() > deadline) {
      await updateRedemption(db, id, {
        hash: tx.hash,
        error: 'Still waiting for the payment’s receipt; the companion checks again when it restarts.',
      });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
  if (!tx) return void (await updateRedemption(db, id, { status: 'failed', error: 'The payment was not sent. Nothing was paid.' }));
  if (tx.status === 'confirmed') return void (await updateRedemption(db, id, { status: 'booking', hash: tx.hash, error: null }));
  if (tx.status === 'cancelled')
    return void (await updateRedemption(db, id, { status: 'cancelled', error: 'You cancelled in your wallet. Nothing was paid.' }));
  await updateRedemption(db, id, {
    status: 'failed',
    hash: tx.hash,
    error: tx.error ?? 'The payment did not go through. Nothing was paid.',
  });
}

const PAID_NOT_BOOKED = 'You paid; use “Book again” to send the payment to the creator once more (you will not pay twice).';

/** Sends the paid transaction's hash with the proof; the endpoint answers a booking reference. */
async function bookStep(deps: Pick<OffersDeps, 'db'>, id: string): Promise<void> {
  const { db } = deps;
  const row = await redemptionById(db, id);
  if (row?.status !== 'booking' || !row.hash || !row.message || !row.signature) return;
  try {
    const booking = await postOfferBooking(row.endpoint, {
      offer: row.offerId,
      txHash: row.hash,
      message: row.message,
      signature: row.signature,
    });
    await updateRedemption(db, id, { status: 'booked', reference: booking.reference, error: null });
  } catch (error) {
    const reason = error instanceof OfferEndpointError ? error.message : holderMessage(error);
    await updateRedemption(db, id, { status: 'booking-failed', error: `${reason} ${PAID_NOT_BOOKED}` });
  }
}

/**
 * At worker start: a redemption the last worker left in the middle goes on from its saved step.
 * A proof never signed is given up (nothing was paid); a payment is followed through its
 * transaction record (reconciled with the chain by resumeTransactions); a paid one is booked.
 */
export async function resumeRedemptions(deps: OffersDeps, startedAt = Date.now()): Promise<void> {
  const { db } = deps;
  const rows = (await redemptionsWithStatus(db, UNFINISHED_REDEMPTION_STATUSES)).filter((r) => r.updatedAt < startedAt);
  await Promise.all(
    rows.map(async (row) => {
      if (row.status === 'proving') {
        await updateRedemption(db, row.id, {
          status: 'failed',
          error: 'The extension restarted before the proof was signed. Nothing was paid; redeem again.',
        });
        return;
      }
      if (row.status === 'paying') {
        const tx = row.transactionId
          ? await transactionById(db, row.transactionId)
          : await db.transactions.where('[tokenId+subject]').equals([row.tokenId, row.id]).first();
        if (!tx) {
          await updateRedemption(db, row.id, {
            status: 'failed',
            error: 'The extension restarted before the payment was sent. Nothing was paid; redeem again.',
          });
          return;
        }
        if (!row.transactionId) await updateRedemption(db, row.id, { transactionId: tx.id });
        await keepAliveWhile(settlePayment(deps, row.id, tx.id));
      }
      await keepAliveWhile(bookStep(deps, row.id));
    }),
  );
}

async function askCreator<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OfferEndpointError) throw new UserFacingError(`${error.message} Nothing was signed or paid.`);
    throw error;
  }
}
