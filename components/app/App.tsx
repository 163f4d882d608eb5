import { useCompanionData } from '@/lib/app/ui/useCompanionData';
import { usePopupSession } from '@/lib/holdings/ui/usePopupSession';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { useAlertFocus } from '@/lib/alerts/ui/useAlertFocus';
import { HostAccessNotice } from '../detect/HostAccessNotice';
import { CreatorView } from '../holdings/CreatorView';
import { HomeView } from '../holdings/HomeView';
import { SettingsView } from '../settings/SettingsView';
import { ClaimAllView } from '../income/ClaimAllView';
import { useFollowActiveTab } from '@/lib/panel/ui/useFollowActiveTab';
import { OpenPanelButton } from '../panel/OpenPanelButton';
import { CurrencyProvider } from '@/lib/settings/ui/currency';
import './popup.css';

/** The companion's UI: in the toolbar popup, or in the browser's side panel (`surface="panel"`). */
export function App({ surface = 'popup' }: { surface?: 'popup' | 'panel' }) {
  const data = useCompanionData();
  const { refresh } = usePopupSession();
  useFollowActiveTab(surface === 'panel', () => void refresh());
  useAlertFocus();
  const view = usePopupStore((s) => s.view);
  const show = usePopupStore((s) => s.show);
  return (
    <CurrencyProvider currency={data.settings.currency}>
      <main className={surface === 'panel' ? 'popup panel' : 'popup'}>
        <HostAccessNotice />
        {view.name === 'settings' && (
          <SettingsView
            settings={data.settings}
            follows={data.follows}
            onBack={() => show({ name: 'home' })}
            onRefresh={() => void refresh()}
          />
        )}
        {view.name === 'creator' && <CreatorView tokenId={view.tokenId} data={data} />}
        {view.name === 'claim-all' && <ClaimAllView data={data} chainId={view.chainId} transactionId={view.transactionId} />}
        {view.name === 'home' && (
          <HomeView data={data} onRefresh={() => void refresh()} topActions={surface === 'popup' ? <OpenPanelButton /> : null} />
        )}
      </main>
    </CurrencyProvider>
  );
}
