import { useState } from 'react';
import type { Currency } from '@/lib/format/money';
import { holderMessage } from '@/lib/errors/baseError';
import { sendRequest } from '@/lib/messaging/requests';

/** The currency every value is shown in: US dollars, or ETH at the ETH/USD pool price read on chain. */
export function CurrencySetting({ current, onSaved }: { current: Currency; onSaved(): void }) {
  const [error, setError] = useState<string | null>(null);
  // Shown at once; the saved setting (the key of this form) follows from IndexedDB.
  const [chosen, setChosen] = useState(current);
  const choose = (currency: Currency) => {
    setChosen(currency);
    void sendRequest('set-currency', { currency }).then(
      () => {
        setError(null);
        onSaved();
      },
      (e: unknown) => {
        setChosen(current);
        setError(holderMessage(e));
      },
    );
  };
  return (
    <fieldset className="plain">
      <legend className="small">Show values in</legend>
      <label className="row small">
        <input type="radio" name="currency" checked={chosen === 'USD'} onChange={() => choose('USD')} /> US dollars (USD)
      </label>
      <label className="row small">
        <input type="radio" name="currency" checked={chosen === 'ETH'} onChange={() => choose('ETH')} /> Ether (ETH), at the ETH/USD pool
        price read with each value
      </label>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
