import type { FollowRow } from '@/lib/db/rows';
import type { HoldingView } from '@/lib/holdings/core/holdingView';
import { formatTokenAmount } from '@/lib/format/format';
import { priceMoney, valueMoney } from '@/lib/holdings/core/holdingView';
import { useMoney } from '@/lib/settings/ui/currency';
import { shortPriceLine } from '@/lib/holdings/core/describePriceSource';
import { ChangeText } from './HoldingFigures';
import { Skeleton } from '../app/Skeleton';

interface FollowingListProps {
  follows: FollowRow[];
  views: Map<string, HoldingView>;
  loaded: boolean;
  onUnfollow(tokenId: string): void;
  onOpen(tokenId: string): void;
}

export function FollowingList({ follows, views, loaded, onUnfollow, onOpen }: FollowingListProps) {
  const money = useMoney();
  if (!loaded) return <Skeleton lines={3} label="Loading the creators you follow" />;
  if (follows.length === 0) {
    return <p className="empty">You follow no creator yet. Open a creator's site and press Follow.</p>;
  }
  return (
    <ul className="holdings" aria-label="Creators you follow">
      {follows.map((follow) => {
        const view = views.get(follow.tokenId);
        const name = follow.creatorName ?? view?.name ?? follow.tokenId;
        return (
          <li key={follow.tokenId} className="holding-row" data-testid="holding-row" data-token={follow.tokenId}>
            <div className="avatar small" aria-hidden="true">
              {name.slice(0, 1).toUpperCase()}
            </div>
            <div className="holding-main">
              <button type="button" className="holding-name link-button" onClick={() => onOpen(follow.tokenId)} aria-label={`Open ${name}`}>
                {name}
              </button>
              <span className="muted small">
                {view?.balance != null
                  ? `${formatTokenAmount(view.balance, view.decimals)} ${view.symbol}`
                  : view
                    ? `$${view.symbol}`
                    : 'Not read yet'}
              </span>
              {view && <PriceLine view={view} />}
            </div>
            <div className="holding-value">
              <span>
                {view ? money.format(view.valueWei !== null || view.valueUsdE18 !== null ? valueMoney(view) : priceMoney(view)) : '—'}
              </span>
              {view && <ChangeText basisPoints={view.changeBasisPoints} />}
            </div>
            <button
              type="button"
              className="icon-button"
              aria-label={`Unfollow ${name}`}
              title="Unfollow"
              onClick={() => onUnfollow(follow.tokenId)}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Where the row's price comes from (protocol, pair, depth), or why there is none. */
function PriceLine({ view }: { view: HoldingView }) {
  const line = shortPriceLine(view.priceSource, useMoney().currency);
  if (line === null) return null;
  return (
    <span className="muted small price-line" data-testid="holding-source" title={line}>
      {line}
    </span>
  );
}
