import { useState } from 'react';
import { knownChains } from '@/lib/chain/knownChains';
import type { FollowRow, SettingsMap } from '@/lib/db/rows';
import { sendRequest } from '@/lib/messaging/requests';
import { RpcEndpointsForm } from './RpcEndpointsForm';
import { WatchAddressForm } from './WatchAddressForm';
import { AlertSettings } from '../alerts/AlertSettings';
import { OpenInSetting } from '../panel/OpenInSetting';

export function SettingsView({ settings, follows = [], onBack, onRefresh }: { settings: SettingsMap; follows?: FollowRow[]; onBack(): void; onRefresh(): void }) {
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

      <AlertSettings settings={settings} follows={follows} />

      <OpenInSetting settings={settings} />

      <section className="card">
        <h2>RPC endpoints</h2>
        <p className="muted small">One URL per line, tried in order when one fails. Leave empty for the defaults shown.</p>
        {knownChains().map((chain) => (
          <RpcEndpointsForm key={chain.chainId} chain={chain} current={settings.rpcUrls[chain.chainId]} />
        ))}
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
