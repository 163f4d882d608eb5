import { useState } from 'react';
import type { ChainConfig } from '@/lib/chain/types';
import { holderMessage } from '@/lib/errors/baseError';
import { sendRequest } from '@/lib/messaging/requests';

/** Reads this chain or not; a chain turned off costs no request at all. */
export function ChainToggle({ chain, enabled, onSaved }: { chain: ChainConfig; enabled: boolean; onSaved(): void }) {
  const [checked, setChecked] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const id = `chain-on-${chain.chainId}`;

  const toggle = async (next: boolean) => {
    setChecked(next);
    try {
      await sendRequest('set-chain-enabled', { chainId: chain.chainId, enabled: next });
      setError(null);
      onSaved();
    } catch (e) {
      setChecked(!next);
      setError(holderMessage(e));
    }
  };

  return (
    <div className="row chain-toggle">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => void toggle(e.target.checked)} />
      <label htmlFor={id}>
        Read {chain.name} <span className="muted small">(chain {chain.chainId})</span>
      </label>
      {error && (
        <span className="small error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
