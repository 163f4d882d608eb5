import { useState } from 'react';
import type { Address } from 'viem';
import type { RedemptionRow } from '@/lib/db/rows';
import { holderMessage } from '@/lib/errors/baseError';
import { formatTokenAmountExact } from '@/lib/format/format';
import { sendRequest } from '@/lib/messaging/requests';
import { redemptionInProgress, redemptionStatusText } from '@/lib/offers/core/redemptionText';
import { useRedemptions } from '@/lib/offers/ui/useRedemptions';
import type { ManifestOffer } from '@/lib/protocol/manifestSchema';
import { valueInWei } from '@/lib/holdings/core/valuation';
import { useMoney, type MoneyFormat } from '@/lib/settings/ui/currency';

interface OffersPanelProps {
  tokenId: string;
  creatorName: string;
  offers: ManifestOffer[];
  /** The connected wallet's account (it pays), or null. */
  walletAccount: Address | null;
  /** The tab showing this creator's confirmed page, or null: the proof is signed there. */
  pageTabId: number | null;
  /** Why redeeming is not possible from this tab (unconfirmed site, lookalike), or null. */
  pageProblem: string | null;
  /** The creator token, with its pool prices (×1e18, null when none) for the value beside each price. */
  token: { symbol: string; decimals: number; priceUsdE18: bigint | null; priceEthE18: bigint | null } | null;
}

const price = (amount: string, token: { symbol: string; decimals: number } | null) =>
  token ? `${formatTokenAmountExact(BigInt(amount), token.decimals, 'en-US')} ${token.symbol}` : `${amount} base units`;

/** An offer's price in the holder's currency at the pool price now, or null when the token has none. */
function priceWorth(amount: string, token: OffersPanelProps['token'], money: MoneyFormat): string | null {
  if (!token || (token.priceUsdE18 === null && token.priceEthE18 === null)) return null;
  const value = (unitPrice: bigint | null) => (unitPrice === null ? null : valueInWei(BigInt(amount), token.decimals, unitPrice));
  return money.format({ usdE18: value(token.priceUsdE18), wei: value(token.priceEthE18) });
}

/** What the creator sells for the token, and this holder's redemptions with their booking references. */
export function OffersPanel({ tokenId, creatorName, offers, walletAccount, pageTabId, pageProblem, token }: OffersPanelProps) {
  const redemptions = useRedemptions(tokenId, walletAccount);
  const money = useMoney();
  const [error, setError] = useState<{ key: string; text: string } | null>(null);
  const busy = redemptions.some(redemptionInProgress);
  const canRedeem = walletAccount !== null && pageTabId !== null && !pageProblem && !busy;

  const act = async (key: string, request: () => Promise<unknown>) => {
    setError(null);
    try {
      await request();
    } catch (e) {
      setError({ key, text: holderMessage(e) });
    }
  };

  return (
    <div className="offers">
      <p className="muted small" data-testid="offers-note">
        Your wallet first signs a booking proof on {creatorName}’s page, then pays: keep that page open in this tab until the booking
        reference shows.
      </p>
      {!walletAccount && <p className="muted small">Connect a wallet to redeem: a watched address cannot pay.</p>}
      {walletAccount && pageTabId === null && <p className="muted small">Open {creatorName}’s site in this tab to redeem.</p>}
      {pageProblem && <p className="error small">{pageProblem}</p>}
      <ul className="rounds" aria-label="Offers">
        {offers.map((offer) => (
          <li key={offer.id} className="round" data-testid="offer" data-offer={offer.id}>
            <div className="round-main">
              <span className="round-title">{offer.title}</span>
            </div>
            <div className="round-side">
              <span className="offer-price">
                <strong>{price(offer.price, token)}</strong>
                <PriceWorth worth={priceWorth(offer.price, token, money)} />
              </span>
              <button
                type="button"
                className="primary small-button"
                disabled={!canRedeem}
                aria-label={`Redeem ${offer.title}`}
                onClick={() =>
                  void act(offer.id, () => sendRequest('redeem-offer', { tabId: pageTabId ?? -1, tokenId, offerId: offer.id }))
                }
              >
                Redeem
              </button>
            </div>
            <p className="muted small">{offer.description}</p>
            {error?.key === offer.id && (
              <p className="error small" role="alert">
                {error.text}
              </p>
            )}
          </li>
        ))}
      </ul>
      {redemptions.length > 0 && (
        <>
          <h3 className="small-heading">Your redemptions</h3>
          <ul className="rounds" aria-label="Your redemptions">
            {redemptions.map((row) => (
              <RedemptionItem
                key={row.id}
                row={row}
                error={error?.key === row.id ? error.text : null}
                canBookAgain={pageTabId !== null}
                onBookAgain={() => void act(row.id, () => sendRequest('book-again', { tabId: pageTabId ?? -1, redemptionId: row.id }))}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PriceWorth({ worth }: { worth: string | null }) {
  return worth === null ? null : (
    <span className="muted small" data-testid="offer-worth">
      ≈ {worth}
    </span>
  );
}

function RedemptionItem({
  row,
  error,
  canBookAgain,
  onBookAgain,
}: {
  row: RedemptionRow;
  error: string | null;
  canBookAgain: boolean;
  onBookAgain: () => void;
}) {
  const tone = row.status === 'booked' ? 'ok' : row.status === 'booking-failed' || row.status === 'failed' ? 'error' : 'muted';
  return (
    <li className="round" data-testid="redemption" data-status={row.status}>
      <div className="round-main">
        <span className="round-title">{row.offerTitle}</span>
        <span className="muted small">
          {price(row.price, row)} · {new Date(row.createdAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}
        </span>
      </div>
      <div className="round-side">
        {row.status === 'booked' ? (
          <span className="pill ok" data-testid="booking-reference">
            Booked · {row.reference}
          </span>
        ) : (
          <span className={`small ${tone}`} role="status">
            {redemptionStatusText(row)}
          </span>
        )}
        {row.status === 'booking-failed' && (
          <button type="button" className="small-button" disabled={!canBookAgain} onClick={onBookAgain}>
            Book again
          </button>
        )}
      </div>
      {row.hash && (
        <p className="muted small">
          Payment <code title={row.hash}>{row.hash.slice(0, 10)}…</code>
        </p>
      )}
      {row.error && row.status !== 'booked' && <p className={`small ${tone === 'error' ? 'error' : 'muted'}`}>{row.error}</p>}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
