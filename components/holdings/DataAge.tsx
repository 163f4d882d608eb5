import type { ChainStatusRow } from '@/lib/db/rows';
import type { HoldingView } from '@/lib/holdings/core/holdingView';
import { formatAge } from '@/lib/format/format';
import { useNow } from '@/lib/app/ui/useNow';

const STALE_AFTER_MS = 5 * 60_000;

interface DataAgeProps {
  views: HoldingView[];
  chainStatus: ChainStatusRow[];
  refreshing: boolean;
  onRefresh(): void;
}

/** How fresh the numbers are. Old or failed reads are labelled stale, never shown as fresh. */
export function DataAge({ views, chainStatus, refreshing, onRefresh }: DataAgeProps) {
  const now = useNow();

  const oldest = views.reduce<HoldingView | null>((min, v) => (min === null || v.fetchedAt < min.fetchedAt ? v : min), null);
  const failures = chainStatus.filter((status) => status.lastError);
  const stale = failures.length > 0 || (oldest !== null && now - oldest.fetchedAt > STALE_AFTER_MS);
  return (
    <footer className={`data-age ${stale ? 'stale' : ''}`} aria-live="polite">
      <div data-testid="data-age">
        {refreshing && <span className="spinner" aria-hidden="true" />}
        {oldest === null ? (
          refreshing ? (
            'Reading the chain…'
          ) : (
            'No data yet'
          )
        ) : (
          <>
            {stale && <strong>Stale · </strong>}
            As of block {oldest.blockNumber.toLocaleString()} · {formatAge(oldest.fetchedAt, now)}
          </>
        )}
        {failures.map((status) => (
          <div key={status.chainId} className="small" role="alert">
            {status.lastError}
          </div>
        ))}
      </div>
      <button
        type="button"
        className="secondary small-button"
        onClick={onRefresh}
        disabled={refreshing}
        aria-label="Refresh from the chain"
      >
        {/* The same word while disabled: the spinner beside the age says a read is running, and the
            visible text stays part of the button's name (axe: label-content-name-mismatch). */}
        Refresh
      </button>
    </footer>
  );
}
