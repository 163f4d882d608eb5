import { useState } from 'react';
import { knownChains } from '@/lib/chain/knownChains';
import type { SettingsMap } from '@/lib/db/rows';
import { sendRequest } from '@/lib/messaging/requests';
import { TokenListsForm } from '../lists/TokenListsForm';
import { RpcEndpointsForm } from './RpcEndpointsForm';
import { WatchAddressForm } from './WatchAddressForm';

export function SettingsView({ settings, onBack, onRefresh }: { settings: SettingsMap; onBack(): void; onRefresh(): void }) {
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [cleared, setCleared] = useState(false);

  const clear = async () => {
    await sendRequest('clear-all-data', {});
    setConfirmingClear(false);
    setCleared(true);
  };

  return (
    <div className="settings">
      <div className="view-head">
        <button type="button" className="icon-button" onClick={onBack} aria-label="Back to holdings">
          ←
        </button>
        <h1>Settings</h1>
      </div>

      <section className="card">
        <h2>Account</h2>
        <WatchAddressForm key={settings.watchAddress ?? 'none'} current={settings.watchAddress} onSaved={onRefresh} />
      </section>

      <section className="card">
        <h2>RPC endpoints</h2>
        <p className="muted small">One URL per line, tried in order when one fails. Leave empty for the defaults shown.</p>
        {knownChains().map((chain) => (
          <RpcEndpointsForm key={chain.chainId} chain={chain} current={settings.rpcUrls[chain.chainId]} />
        ))}
      </section>

      <section className="card">
        <h2>Token lists</h2>
        <p className="muted small">Your balance of every token in the lists that are on is read to find the creator tokens you hold. A list is fetched again at most once a day.</p>
        <TokenListsForm />
      </section>

      <section className="card danger-zone">
        <h2>Your data</h2>
        <p className="muted small">Follows, readings and settings are kept only in this browser.</p>
        {confirmingClear ? (
          <div className="row">
            <button type="button" className="danger" onClick={clear}>
              Yes, clear everything
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmingClear(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirmingClear(true)}>
            Clear all data…
          </button>
        )}
        {cleared && (
          <p className="small" role="status">
            All local data was cleared.
          </p>
        )}
      </section>
    </div>
  );
}
