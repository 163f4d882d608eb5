import type { HoldingView } from '@/lib/holdings/core/holdingView';
import type { TabState } from '@/lib/detect/tabState';
import { HoldingFigures } from '../holdings/HoldingFigures';
import { Skeleton } from '../app/Skeleton';

interface SiteCardProps {
  state: Extract<TabState, { status: 'detected' }>;
  view: HoldingView | null;
  following: boolean;
  hasAccount: boolean;
  onFollow(): void;
  onUnfollow(): void;
  onOpen(): void;
  /** The holder hid the in-page card on this site. */
  pageCardHidden: boolean;
  onShowPageCard(): void;
}

/** The creator declared by the open page: who, how sure we are, and what the holder has. */
export function SiteCard({
  state,
  view,
  following,
  hasAccount,
  onFollow,
  onUnfollow,
  onOpen,
  pageCardHidden,
  onShowPageCard,
}: SiteCardProps) {
  const name = state.creatorName ?? view?.name ?? 'This creator';
  const symbol = view?.symbol;
  return (
    <section className="card site-card" aria-labelledby="site-creator-name" data-testid="site-card">
      <div className="card-head">
        <div className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </div>
        <div className="card-title">
          <h2 id="site-creator-name">{name}</h2>
          <p className="muted small">
            {symbol ? `$${symbol} · ` : ''}
            {state.chainName} · {new URL(state.origin).host}
          </p>
        </div>
        <ConfirmationPill confirmation={state.confirmation} ensName={state.ens?.status === 'confirmed' ? state.ens.name : null} />
      </div>
      {state.warnings?.length ? (
        <div className="lookalike-warning" role="alert" data-testid="lookalike-warning">
          <strong>Careful: this may be a copy</strong>
          {state.warnings.map((w, i) => (
            <p key={i}>{w}</p>
          ))}
        </div>
      ) : null}
      {state.creatorDescription && <p className="description">{state.creatorDescription}</p>}
      {state.listedDomain && (
        <p className="muted small" data-testid="listed-site">
          This site is in the token list; the page itself declares nothing.
        </p>
      )}
      {state.confirmation === 'declared' && state.ens?.status === 'declared' && (
        <details className="why-declared" data-testid="why-declared">
          <summary>Why only “declared”?</summary>
          <p className="small">Not in any of your token lists for this site, and not confirmed on chain: {state.ens.reason}</p>
        </details>
      )}
      {view ? <HoldingFigures view={view} /> : <Skeleton lines={3} label="Reading the chain" />}
      {!hasAccount && view && <p className="muted small">Add an address below to see what you hold.</p>}
      {pageCardHidden && (
        <p className="muted small">
          The card on this site is hidden.{' '}
          <button type="button" className="link-button" onClick={onShowPageCard}>
            Show it again
          </button>
        </p>
      )}
      <div className="actions">
        {/* The accessible name starts with the visible words (WCAG 2.5.3, axe label-content-name-mismatch). */}
        <button type="button" className="link-button" onClick={onOpen} aria-label={`Votes and details for ${name}`}>
          Votes and details <span aria-hidden="true">→</span>
        </button>
        {following ? (
          <button type="button" className="secondary" onClick={onUnfollow} aria-label={`Following, unfollow ${name}`}>
            Following <span aria-hidden="true">✓</span>
          </button>
        ) : (
          <button type="button" className="primary" onClick={onFollow} aria-label={`Follow ${name}`}>
            Follow
          </button>
        )}
      </div>
    </section>
  );
}

function ConfirmationPill({ confirmation, ensName }: { confirmation: 'confirmed' | 'declared'; ensName: string | null }) {
  if (confirmation === 'confirmed' && ensName) {
    return (
      <span className="pill ok" data-testid="confirmation" title={`The token's owner holds ${ensName}, whose url record is this site`}>
        Confirmed by {ensName}
      </span>
    );
  }
  return confirmation === 'confirmed' ? (
    <span className="pill ok" data-testid="confirmation" title="Listed with this site in the extension's curated list">
      Confirmed
    </span>
  ) : (
    <span
      className="pill warn"
      data-testid="confirmation"
      title="Only the site says so: the token is not in the curated list for this domain"
    >
      Declared by site
    </span>
  );
}

/** A page whose declaration is broken: the problem, and the reassurance that nothing happened. */
export function InvalidSiteCard({ state }: { state: Extract<TabState, { status: 'invalid' }> }) {
  return (
    <section className="card problem-card" role="alert" data-testid="declaration-problem">
      <h2>This page's token declaration has a problem</h2>
      <ul>
        {state.problems.slice(0, 5).map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ul>
      <p className="muted small">
        Nothing was read from the chain for {new URL(state.origin).host}. If this is your site, run <code>npm run validate-manifest</code>{' '}
        on it.
      </p>
    </section>
  );
}
