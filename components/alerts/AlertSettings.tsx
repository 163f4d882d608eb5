import { useState } from 'react';
import { alertPrefs } from '@/lib/alerts/alertsRepository';
import { ALERT_KIND_LABELS, ALERT_KINDS, type AlertPrefs } from '@/lib/alerts/core/alerts';
import type { FollowRow, SettingsMap } from '@/lib/db/rows';
import { sendRequest } from '@/lib/messaging/requests';

const toTime = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const toMinute = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** On/off per kind and per creator, quiet hours, how often to check. Saved as soon as changed. */
export function AlertSettings({ settings, follows }: { settings: SettingsMap; follows: FollowRow[] }) {
  const prefs = alertPrefs(settings);
  const [error, setError] = useState<string | null>(null);
  const save = (next: AlertPrefs) =>
    void sendRequest('set-alert-prefs', { prefs: next }).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  const quiet = prefs.quietHours;
  return (
    <section className="card" aria-labelledby="alert-settings-heading" data-testid="alert-settings">
      <h2 id="alert-settings-heading">Alerts</h2>
      <label className="row small">
        <input type="checkbox" checked={prefs.enabled} onChange={(e) => save({ ...prefs, enabled: e.target.checked })} /> Notify me while
        the companion is closed
      </label>
      <fieldset className="plain" disabled={!prefs.enabled}>
        <legend className="muted small">Tell me about</legend>
        {ALERT_KINDS.map((kind) => (
          <label key={kind} className="row small">
            <input
              type="checkbox"
              checked={prefs.kinds[kind]}
              onChange={(e) => save({ ...prefs, kinds: { ...prefs.kinds, [kind]: e.target.checked } })}
            />{' '}
            {ALERT_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      {follows.length > 0 && (
        <fieldset className="plain" disabled={!prefs.enabled}>
          <legend className="muted small">From</legend>
          {follows.map((f) => (
            <label key={f.tokenId} className="row small">
              <input
                type="checkbox"
                checked={!prefs.mutedCreators.includes(f.tokenId)}
                onChange={(e) =>
                  save({
                    ...prefs,
                    mutedCreators: e.target.checked
                      ? prefs.mutedCreators.filter((t) => t !== f.tokenId)
                      : [...prefs.mutedCreators, f.tokenId],
                  })
                }
              />{' '}
              {f.creatorName ?? f.symbol ?? f.tokenId}
            </label>
          ))}
        </fieldset>
      )}
      <label className="row small">
        <input
          type="checkbox"
          checked={quiet !== null}
          onChange={(e) => save({ ...prefs, quietHours: e.target.checked ? { from: 22 * 60, to: 7 * 60 } : null })}
        />{' '}
        Quiet hours
        {quiet && (
          <>
            <input
              type="time"
              aria-label="Quiet from"
              value={toTime(quiet.from)}
              onChange={(e) => save({ ...prefs, quietHours: { ...quiet, from: toMinute(e.target.value) } })}
            />
            to
            <input
              type="time"
              aria-label="Quiet until"
              value={toTime(quiet.to)}
              onChange={(e) => save({ ...prefs, quietHours: { ...quiet, to: toMinute(e.target.value) } })}
            />
          </>
        )}
      </label>
      <label className="row small">
        Check every
        <select
          aria-label="Check every"
          value={prefs.periodMinutes}
          onChange={(e) => save({ ...prefs, periodMinutes: Number(e.target.value) })}
        >
          {[15, 30, 60, 180, 720].map((m) => (
            <option key={m} value={m}>
              {m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}`}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
