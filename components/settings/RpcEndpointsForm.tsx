import { useState, type FormEvent } from 'react';
import type { ChainConfig } from '@/lib/chain/types';
import { sendRequest } from '@/lib/messaging/requests';
import { holderMessage } from '@/lib/errors/baseError';

/** One chain's RPC endpoints, one per line, tried in order; empty means the defaults. */
export function RpcEndpointsForm({ chain, current }: { chain: ChainConfig; current: string[] | undefined }) {
  const [text, setText] = useState((current ?? []).join('\n'));
  const [status, setStatus] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const id = `rpc-${chain.chainId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { urls } = await sendRequest('set-rpc-urls', { chainId: chain.chainId, urls: text.split('\n') });
      setText(urls.join('\n'));
      setStatus({ tone: 'ok', text: urls.length ? `Saved ${urls.length} endpoint${urls.length > 1 ? 's' : ''}.` : 'Using the defaults.' });
    } catch (e) {
      setStatus({ tone: 'error', text: holderMessage(e) });
    }
  };

  return (
    <form className="rpc-form" onSubmit={submit} aria-label={`RPC endpoints for ${chain.name}`}>
      <label htmlFor={id}>
        {chain.name} <span className="muted small">(chain {chain.chainId})</span>
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={chain.rpcUrls.join('\n')}
        spellCheck={false}
      />
      <div className="row">
        <button type="submit" className="secondary small-button" aria-label={`Save RPC endpoints for ${chain.name}`}>
          Save
        </button>
        {status && (
          <span className={`small ${status.tone === 'error' ? 'error' : 'muted'}`} role={status.tone === 'error' ? 'alert' : 'status'}>
            {status.text}
          </span>
        )}
      </div>
    </form>
  );
}
