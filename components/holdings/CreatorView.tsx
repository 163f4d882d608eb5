import { toHoldingView } from '@/lib/holdings/core/holdingView';
import { holdingsAccount } from '@/lib/settings/settingsRepository';
import type { CompanionData } from '@/lib/app/ui/useCompanionData';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { HoldingFigures } from './HoldingFigures';
import { Skeleton } from '../app/Skeleton';
import { IncomePanel } from '../income/IncomePanel';
import { LiquidityPanel } from '../lp/LiquidityPanel';
import { VotesPanel } from '../votes/VotesPanel';
import { AlertList } from '../alerts/AlertList';
import { OffersPanel } from '../offers/OffersPanel';
import { offersOf } from '@/lib/offers/core/offersOf';

/** Everything about one creator: holdings, then their votes when the manifest names a hub. */
export function CreatorView({ tokenId, data }: { tokenId: string; data: CompanionData }) {
  const { tabId, tabState, show } = usePopupStore();
  const follow = data.follows.find((f) => f.tokenId === tokenId);
  const fromTab = tabState?.status === 'detected' && tabState.tokenId === tokenId ? tabState : null;
  const row = data.holdings.find((h) => h.tokenId === tokenId);
  const view = row ? toHoldingView(row) : null;
  const manifest = follow?.manifest ?? fromTab?.manifest ?? null;
  const name = follow?.creatorName ?? fromTab?.creatorName ?? view?.name ?? 'Creator';
  const offers = offersOf(fromTab?.manifest ?? manifest);
  // The proof is signed in the creator's own page: only a tab that declared this creator will do.
  const creatorTab = fromTab && !fromTab.listedDomain ? fromTab : null;
  const pageProblem = !creatorTab
    ? null
    : creatorTab.confirmation !== 'confirmed'
      ? `This site is not confirmed as ${name}'s, so the companion does not pay through it.`
      : (creatorTab.warnings?.[0] ?? null);

  return (
    <div className="creator-view">
      <div className="view-head">
        <button type="button" className="icon-button" onClick={() => show({ name: 'home' })} aria-label="Back to holdings">
          ←
        </button>
        <h1>{name}</h1>
        {view && <span className="muted small">${view.symbol}</span>}
      </div>
      <AlertList tokenId={tokenId} />
      <section className="card" aria-label={`Your ${view?.symbol ?? ''} holdings`}>
        {view ? <HoldingFigures view={view} /> : <Skeleton lines={3} label="Reading the chain" />}
      </section>
      <section className="votes-section" aria-labelledby="income-heading">
        <div className="section-head">
          <h2 id="income-heading">Income</h2>
        </div>
        <IncomePanel
          tokenId={tokenId}
          account={holdingsAccount(data.settings)}
          canSend={data.settings.wallet !== null}
          following={follow !== undefined}
          holding={view}
        />
        {follow && holdingsAccount(data.settings) && (
          <LiquidityPanel
            tokenId={tokenId}
            account={holdingsAccount(data.settings)!}
            canSend={data.settings.wallet !== null}
            holding={view}
          />
        )}
      </section>
      {offers.length > 0 && (
        <section className="votes-section" aria-labelledby="offers-heading">
          <div className="section-head">
            <h2 id="offers-heading">Offers</h2>
          </div>
          <OffersPanel
            tokenId={tokenId}
            creatorName={name}
            offers={offers}
            walletAccount={data.settings.wallet?.account ?? null}
            pageTabId={creatorTab ? tabId : null}
            pageProblem={pageProblem}
            token={
              view ? { symbol: view.symbol, decimals: view.decimals, priceUsdE18: view.priceUsdE18, priceEthE18: view.priceEthE18 } : null
            }
          />
        </section>
      )}
      <section className="votes-section" aria-labelledby="votes-heading">
        <div className="section-head">
          <h2 id="votes-heading">Votes</h2>
          {manifest?.votes && <span className="muted small">{manifest.votes.space}</span>}
        </div>
        {manifest?.votes ? (
          <VotesPanel
            key={`${tokenId}|${holdingsAccount(data.settings)}`}
            tokenId={tokenId}
            walletAccount={data.settings.wallet?.account ?? null}
            account={holdingsAccount(data.settings)}
          />
        ) : (
          <p className="empty">{name} runs no votes the companion knows of.</p>
        )}
      </section>
    </div>
  );
}
