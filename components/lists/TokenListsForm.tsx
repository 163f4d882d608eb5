import { useState, type FormEvent } from 'react';
import { SaveStatusLine, useSaveStatus } from '@/components/app/SaveStatus';
import { SHIPPED_LIST_KEY } from '@/lib/lists/shippedList';
import { useTokenLists } from '@/lib/lists/ui/useTokenLists';
import { sendRequest } from '@/lib/messaging/requests';

/** Settings: the shipped list and lists added by URL; each can be turned off, added ones removed. */
export function TokenListsForm() {
  const lists = useTokenLists();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const { status, run } = useSaveStatus();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await run(async () => {
      const added = await sendRequest('add-token-list', { url });
      setUrl('');
      return `Added "${added.name}" (${added.tokens} token${added.tokens === 1 ? '' : 's'}).`;
    });
    setBusy(false);
  };

  const toggle = (key: string, enabled: boolean) =>
    void run(async () => (await sendRequest('set-token-list-enabled', { url: key, enabled }), null));

  return (
    <div className="token-lists">
      <ul className="list-rows" aria-label="Token lists">
        {lists && (
          <li>
            <label>
              <input type="checkbox" checked={lists.shipped.enabled} onChange={(e) => toggle(SHIPPED_LIST_KEY, e.target.checked)} />{' '}
              {lists.shipped.name} <span className="muted small">(shipped, {lists.shipped.tokens} tokens)</span>
            </label>
          </li>
        )}
        {lists?.added.map((row) => (
          <li key={row.url} data-testid="added-list">
            <label>
              <input type="checkbox" checked={row.enabled} onChange={(e) => toggle(row.url, e.target.checked)} />{' '}
              {row.list?.name ?? 'Not fetched yet'} <span className="muted small">({row.list?.tokens.length ?? 0} tokens)</span>
            </label>
            <span className="muted small list-url">{row.url}</span>
            {row.error && (
              <span className="small error" role="alert">
                {row.error}
              </span>
            )}
            <button
              type="button"
              className="secondary small-button"
              aria-label={`Remove the list ${row.list?.name ?? row.url}`}
              onClick={() => void run(async () => (await sendRequest('remove-token-list', { url: row.url }), 'List removed.'))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="rpc-form" onSubmit={add} aria-label="Add a token list">
        <label htmlFor="token-list-url">Add a list by its address</label>
        <input
          id="token-list-url"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://example.com/creators.tokenlist.json"
          spellCheck={false}
          required
        />
        <div className="row">
          <button type="submit" className="secondary small-button" disabled={busy}>
            {busy ? 'Checking…' : 'Add list'}
          </button>
          <SaveStatusLine status={status} />
        </div>
      </form>
    </div>
  );
}
