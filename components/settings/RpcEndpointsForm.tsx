import { useState, type FormEvent } from 'react';
import type { ChainConfig } from '@/lib/chain/types';
import { SaveStatusLine, useSaveStatus } from '@/components/app/SaveStatus';
import { sendRequest } from '@/lib/messaging/requests';

/** One chain's RPC endpoints, one per line, tried in order; empty means the defaults. */
export function RpcEndpointsForm({ chain, current }: { chain: ChainConfig; current: string[] | undefined }) {
  const [text, setText] = useState((current ?? []).join('\n'));
  const { status, run } = useSaveStatus();
  const id = `rpc-${chain.chainId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const { urls } = await sendRequest('set-rpc-urls', { chainId: chain.chainId, urls: text.split('\n') });
      setText(urls.join('\n'));
      return urls.length ? `Saved ${urls.length} endpoint${urls.length > 1 ? 's' : ''}.` : 'Using the defaults.';
    });
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
        <SaveStatusLine status={status} />
      </div>
    </form>
  );
}
