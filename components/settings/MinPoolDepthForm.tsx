import { useState, type FormEvent } from 'react';
import { SaveStatusLine, useSaveStatus } from '@/components/app/SaveStatus';
import { sendRequest } from '@/lib/messaging/requests';
import { ETH_DEPTH_REFERENCE_USD, minDepthIn } from '@/lib/holdings/core/bestPrice';

/** The depth (USD, both sides) below which a pool's price is not trusted. */
export function MinPoolDepthForm({ current, onSaved }: { current: number; onSaved(): void }) {
  const [text, setText] = useState(String(current));
  const { status, setStatus, run } = useSaveStatus();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const usd = Number(text.replace(/[$,\s]/g, ''));
    if (!Number.isFinite(usd) || usd < 0) {
      setStatus({ tone: 'error', text: 'Enter an amount in US dollars, for example 5000.' });
      return;
    }
    await run(async () => {
      const saved = await sendRequest('set-min-pool-depth', { usd });
      setText(String(saved.usd));
      onSaved();
      return 'Saved; prices use it from the next refresh.';
    });
  };

  return (
    <form className="rpc-form" onSubmit={submit} aria-label="Minimum pool depth">
      <label htmlFor="min-pool-depth">Minimum pool depth, in USD</label>
      <input
        id="min-pool-depth"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="min-pool-depth-eth"
      />
      <p id="min-pool-depth-eth" className="muted small" data-testid="min-pool-depth-eth">
        On a chain with no ETH/USD pool deep enough, pools against WETH are held to {minDepthIn('ETH', current).amount.toLocaleString()} ETH
        (this minimum at ${ETH_DEPTH_REFERENCE_USD.toLocaleString()} per ETH) and priced in ETH only.
      </p>
      <div className="row">
        <button type="submit" className="secondary small-button">
          Save
        </button>
        <SaveStatusLine status={status} />
      </div>
    </form>
  );
}
