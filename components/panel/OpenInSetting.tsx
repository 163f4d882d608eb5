import { useState } from 'react';
import type { SettingsMap } from '@/lib/db/rows';
import { sendRequest } from '@/lib/messaging/requests';

/** Where the toolbar button opens the companion. */
export function OpenInSetting({ settings }: { settings: SettingsMap }) {
  const [error, setError] = useState<string | null>(null);
  const choose = (openIn: SettingsMap['openIn']) =>
    void sendRequest('set-open-in', { openIn }).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  return (
    <section className="card" aria-labelledby="open-in-heading">
      <h2 id="open-in-heading">Toolbar button opens</h2>
      <label className="row small">
        <input type="radio" name="open-in" checked={settings.openIn === 'popup'} onChange={() => choose('popup')} /> The popup
      </label>
      <label className="row small">
        <input type="radio" name="open-in" checked={settings.openIn === 'panel'} onChange={() => choose('panel')} /> The side panel, beside
        the page
      </label>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
