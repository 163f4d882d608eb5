import { useAlerts } from '@/lib/alerts/ui/useAlerts';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { formatAge } from '@/lib/format/format';
import { useNow } from '@/lib/app/ui/useNow';

/** What the background alerts found waiting (the same text as the notifications), newest deadline first. */
export function AlertList({ tokenId }: { tokenId?: string }) {
  const data = useAlerts();
  const show = usePopupStore((s) => s.show);
  const now = useNow(30_000);
  if (!data) return null;
  const alerts = tokenId ? data.alerts.filter((a) => a.tokenId === tokenId) : data.alerts;
  if (alerts.length === 0) return null;
  return (
    <section className="card alerts" aria-labelledby="alerts-heading" data-testid="alerts">
      <div className="card-head">
        <h2 id="alerts-heading">Waiting for you ({alerts.length})</h2>
        {data.lastRun && <span className="muted small">checked {formatAge(data.lastRun.at, now)}</span>}
      </div>
      <ul className="alert-list">
        {alerts.map((a) => (
          <li key={a.key} data-testid="alert" data-kind={a.kind}>
            <button
              type="button"
              className="alert-item"
              onClick={() => show({ name: 'creator', tokenId: a.tokenId })}
              disabled={Boolean(tokenId)}
            >
              <strong>{a.title}</strong>
              <span className="small">{a.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
