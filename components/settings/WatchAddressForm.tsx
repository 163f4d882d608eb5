import { useState, type FormEvent } from 'react';
import { sendRequest } from '@/lib/messaging/requests';
import { holderMessage } from '@/lib/errors/baseError';

/** Watch-only: the holder types an address; the extension reads, never signs. */
export function WatchAddressForm({ current, onSaved }: { current: string | null; onSaved?: () => void }) {
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await sendRequest('set-watch-address', { address: value || null });
      setError(null);
      onSaved?.();
    } catch (e) {
      setError(holderMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="watch-form" onSubmit={submit} aria-label="Watch an address">
      <label htmlFor="watch-address">Address to watch</label>
      <div className="row">
        <input
          id="watch-address"
          name="watch-address"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="0x…"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'watch-address-error' : 'watch-address-hint'}
        />
        <button type="submit" className="primary" disabled={saving}>
          {current ? 'Update' : 'Watch'}
        </button>
      </div>
      {error ? (
        <p id="watch-address-error" className="error small" role="alert">
          {error}
        </p>
      ) : (
        <p id="watch-address-hint" className="muted small">
          Watch-only: see holdings and income without signing anything. To claim, vote or unlock, use Connect instead.
        </p>
      )}
    </form>
  );
}
