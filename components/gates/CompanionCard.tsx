import { useState } from 'react';
import { sendFrameRequest } from '@/lib/messaging/requests';
import type { CompanionSummary } from '@/lib/gates/contract';
import { useMoney, type MoneyFormat } from '@/lib/settings/ui/currency';

/**
 * The small card in the page's corner: this creator at a glance, and a way into the popup. Shown in
 * the page frame only (the page must not read the figures); each figure keeps to one line, so the
 * frame's height, which the page can see, says nothing about them.
 */
export function CompanionCard({ summary, onDismiss }: { summary: CompanionSummary; onDismiss: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const money = useMoney();
  const openPopup = () => sendFrameRequest('open-popup', {}).catch((e: Error) => setError(e.message));
  const dismiss = () => {
    // Saved first: the frame goes away with the card.
    void sendFrameRequest('companion-dismiss', { dismissed: true })
      .catch(() => undefined)
      .finally(onDismiss);
  };

  return (
    <aside className="ptc-card" aria-label="Personal Token Companion">
      <header className="ptc-card-head">
        <span className={summary.confirmed ? 'ptc-dot ptc-dot-ok' : 'ptc-dot ptc-dot-warn'} aria-hidden="true" />
        <strong className="ptc-card-title">{summary.creatorName}</strong>
        <span className="ptc-card-sub">
          {summary.confirmed ? (summary.confirmedBy ? `confirmed by ${summary.confirmedBy}` : 'confirmed') : 'declared by this site'}
        </span>
        <button
          type="button"
          className="ptc-close"
          aria-label="Hide the companion on this site"
          title="Hide on this site"
          onClick={dismiss}
        >
          <span aria-hidden="true" />
        </button>
      </header>
      {summary.warnings?.length ? (
        <div className="ptc-warning" role="alert" data-testid="page-lookalike-warning">
          {summary.warnings.map((w, i) => (
            <p key={i}>⚠ {w}</p>
          ))}
        </div>
      ) : null}
      <dl className="ptc-facts">
        <dt>You hold</dt>
        <dd title={holdingText(summary, money)} data-testid="card-holding">
          {holdingText(summary, money)}
        </dd>
        <dt>Income</dt>
        <dd>{summary.income ?? (summary.following ? 'Not read yet' : 'Follow to see it')}</dd>
        {summary.openVotes !== null ? (
          <>
            <dt>Votes</dt>
            <dd>{openVotesText(summary.openVotes)}</dd>
          </>
        ) : null}
      </dl>
      {error ? <p className="ptc-note ptc-error">{error}</p> : null}
      <button type="button" className="ptc-button" onClick={() => void openPopup()}>
        Open the companion
      </button>
    </aside>
  );
}

function openVotesText(openVotes: number): string {
  if (openVotes === 0) return 'No proposal open now';
  return openVotes === 1 ? '1 proposal open' : `${openVotes} proposals open`;
}

function holdingText(summary: CompanionSummary, money: MoneyFormat): string {
  if (!summary.account) return 'Connect a wallet';
  if (!summary.holding) return 'Not read yet';
  const value = summary.holdingValue;
  if (!value) return summary.holding;
  const big = (s: string | null) => (s === null ? null : BigInt(s));
  return `${summary.holding} · ${money.format({ usdE18: big(value.usdE18), wei: big(value.wei) })}`;
}
