import { useState } from 'react';
import { knownChains } from '@/lib/chain/knownChains';
import type { FollowRow, SettingsMap } from '@/lib/db/rows';
import { sendRequest } from '@/lib/messaging/requests';
import { ChainToggle } from './ChainToggle';
import { MinPoolDepthForm } from './MinPoolDepthForm';
import { CurrencySetting } from './CurrencySetting';
import { BackupSection } from '../backup/BackupSection';
import { TokenListsForm } from '../lists/TokenListsForm';
import { RpcEndpointsForm } from './RpcEndpointsForm';
import { WatchAddressForm } from './WatchAddressForm';
import { AlertSettings } from '../alerts/AlertSettings';
import { OpenInSetting } from '../panel/OpenInSetting';

export function SettingsView({
  settings,
  follows = [],
  onBack,
  onRefresh,
}: {
  settings: SettingsMap;
  follows?: FollowRow[];
  onBack(): void;
  onRefresh(): void;
}) {
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
        <h2>Chains and RPC endpoints</h2>
        <p className="muted small">
          Turn off a chain you hold nothing on. Endpoints: one URL per line, tried in order when one fails; leave empty for the defaults
          shown.
        </p>
        {knownChains().map((chain) => (
          <div key={chain.chainId} className="chain-settings">
            <ChainToggle chain={chain} enabled={!settings.disabledChains.includes(chain.chainId)} onSaved={onRefresh} />
            <RpcEndpointsForm chain={chain} current={settings.rpcUrls[chain.chainId]} />
          </div>
        ))}
      </section>

      <section className="card">
        <h2>Prices</h2>
        <p className="muted small">
          A price comes from the deepest Uniswap V2, V3 or V4 pool. A pool thinner than this shows "No reliable price": one small trade
          could move it.
        </p>
        <MinPoolDepthForm current={settings.minPoolDepthUsd} onSaved={onRefresh} />
        <CurrencySetting key={settings.currency} current={settings.currency} onSaved={onRefresh} />
      </section>

      <section className="card">
        <h2>Token lists</h2>
        <p className="muted small">
          Your balance of every token in the lists that are on is read to find the creator tokens you hold. A list is fetched again at most
          once a day.
        </p>
        <TokenListsForm />
      </section>

      <BackupSection onImported={onRefresh} />

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
