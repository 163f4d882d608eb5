import { useEffect, useMemo, type ReactNode } from 'react';
import { usePageCardHidden } from '@/lib/detect/ui/usePageCardHidden';
import { claimableAcrossCreators } from '@/lib/holdings/core/claimableValue';
import { toHoldingView, totalMoney, valuedOnlyInOther, type HoldingView } from '@/lib/holdings/core/holdingView';
import { sendRequest } from '@/lib/messaging/requests';
import type { CompanionData } from '@/lib/app/ui/useCompanionData';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { holdingsAccount } from '@/lib/settings/settingsRepository';
import { useMoney } from '@/lib/settings/ui/currency';
import type { Currency } from '@/lib/format/money';
import { foundInWallet } from '@/lib/holdings/core/foundInWallet';
import { DataAge } from './DataAge';
import { FoundList } from './FoundList';
import { FollowingList } from './FollowingList';
import { InvalidSiteCard, SiteCard } from '../detect/SiteCard';
import { Skeleton } from '../app/Skeleton';
import { WalletButton } from '../wallet/WalletButton';
import { WatchAddressForm } from '../settings/WatchAddressForm';
import { AlertList } from '../alerts/AlertList';
import { ClaimAllButtons } from '../income/ClaimAllButtons';

/** Mark for the bench: the first paint of holdings read from IndexedDB. */
export const HOLDINGS_PAINT_MARK = 'holdings-first-paint';

export function HomeView({ data, onRefresh, topActions = null }: { data: CompanionData; onRefresh(): void; topActions?: ReactNode }) {
  const { tabId, tabState, refreshing, notice, notify, show } = usePopupStore();
  const money = useMoney();
  const views = useMemo(() => new Map(data.holdings.map((row) => [row.tokenId, toHoldingView(row)])), [data.holdings]);
  const followed = new Set(data.follows.map((f) => f.tokenId));
  const followedViews = data.follows.map((f) => views.get(f.tokenId)).filter((v): v is HoldingView => Boolean(v));
  const siteView = tabState?.status === 'detected' ? (views.get(tabState.tokenId) ?? null) : null;
  const shownViews = siteView && !followed.has(siteView.tokenId) ? [...followedViews, siteView] : followedViews;
  const account = holdingsAccount(data.settings);
  const claimable = claimableAcrossCreators(data.income, views);
  // The creator of the page in front of the holder is already in the site card, with its own Follow.
  const siteTokenId = tabState?.status === 'detected' ? tabState.tokenId : null;
  const found = foundInWallet(data.discoveries, followed, views).filter((f) => f.tokenId !== siteTokenId);

  useEffect(() => {
    if (shownViews.length > 0 && performance.getEntriesByName(HOLDINGS_PAINT_MARK).length === 0) performance.mark(HOLDINGS_PAINT_MARK);
  }, [shownViews.length]);

  const siteOrigin = tabState?.status === 'detected' ? tabState.origin : null;
  const pageCardHidden = usePageCardHidden(siteOrigin);
  const act = (request: Promise<unknown>, then?: () => void) =>
    request.then(then, (e: Error) => notify({ tone: 'error', text: e.message }));

  return (
    <div className="home">
      <header className="top-bar">
        <h1 className="brand">
          <img className="logo" src="/icon/32.png" alt="" width={16} height={16} /> Companion
        </h1>
        <WalletButton wallet={data.settings.wallet} watchAddress={data.settings.watchAddress} onConnected={onRefresh} />
        {topActions}
        <button type="button" className="icon-button" onClick={() => show({ name: 'settings' })} aria-label="Settings">
          ⚙
        </button>
      </header>

      {notice && (
        <p className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => notify(null)}>
            ×
          </button>
        </p>
      )}

      {tabState === undefined && <Skeleton lines={2} label="Checking this page" />}
      {tabState?.status === 'invalid' && <InvalidSiteCard state={tabState} />}
      {tabState?.status === 'detected' && tabId !== null && (
        <SiteCard
          state={tabState}
          view={siteView}
          following={followed.has(tabState.tokenId)}
          hasAccount={Boolean(account)}
          onFollow={() => void act(sendRequest('follow', { tabId }), onRefresh)}
          onUnfollow={() => void act(sendRequest('unfollow', { tokenId: tabState.tokenId }))}
          onOpen={() => show({ name: 'creator', tokenId: tabState.tokenId })}
          pageCardHidden={pageCardHidden}
          onShowPageCard={() =>
            void act(sendRequest('show-page-card', { tabId }), () =>
              notify({ tone: 'info', text: 'The card shows again on this site from the next page load.' }),
            )
          }
        />
      )}

      <AlertList />

      {data.loaded && !account && (
        <section className="card">
          <WatchAddressForm current={null} onSaved={onRefresh} />
        </section>
      )}

      <section className="following" aria-labelledby="following-heading">
        <div className="section-head">
          <h2 id="following-heading">Following</h2>
          {account && followedViews.length > 0 && (
            <span className="total" data-testid="total">
              {money.format(totalMoney(followedViews))}
              <UncountedNote count={valuedOnlyInOther(followedViews, money.currency)} currency={money.currency} />
            </span>
          )}
        </div>
        {claimable.rounds > 0 && (
          <p className="claimable-note small" data-testid="claimable-everywhere">
            Income to claim: <strong>{money.format({ usdE18: claimable.usdE18, wei: claimable.wei })}</strong> in {claimable.rounds} round
            {claimable.rounds > 1 ? 's' : ''}
            {claimable.unpricedRounds > 0 ? ` (${claimable.unpricedRounds} paid in other tokens, not priced)` : ''}
          </p>
        )}
        <ClaimAllButtons income={data.income} follows={data.follows} account={account} />
        <FollowingList
          follows={data.follows}
          views={views}
          loaded={data.loaded}
          onUnfollow={(tokenId) => void act(sendRequest('unfollow', { tokenId }))}
          onOpen={(tokenId) => show({ name: 'creator', tokenId })}
        />
      </section>

      {found.length > 0 && (
        <section className="following" aria-labelledby="found-heading">
          <div className="section-head">
            <h2 id="found-heading">In your wallet</h2>
            <span className="muted small">from your token lists</span>
          </div>
          <FoundList found={found} onFollow={(tokenId) => void act(sendRequest('follow-listed', { tokenId }), onRefresh)} />
        </section>
      )}

      <DataAge views={shownViews} chainStatus={data.chainStatus} refreshing={refreshing} onRefresh={onRefresh} />
    </div>
  );
}

/** Beside the total: holdings it leaves out because their value is known only in the other unit. */
function UncountedNote({ count, currency }: { count: number; currency: Currency }) {
  if (count === 0) return null;
  return (
    <span className="muted small" data-testid="total-note">
      {' '}
      + {count} without a {currency} price
    </span>
  );
}
