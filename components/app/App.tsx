import { useCompanionData } from '@/lib/app/ui/useCompanionData';
import { usePopupSession } from '@/lib/holdings/ui/usePopupSession';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { HostAccessNotice } from '../detect/HostAccessNotice';
import { CreatorView } from '../holdings/CreatorView';
import { HomeView } from '../holdings/HomeView';
import { SettingsView } from '../settings/SettingsView';
import './popup.css';

export function App() {
  const data = useCompanionData();
  const { refresh } = usePopupSession();
  const view = usePopupStore((s) => s.view);
  const show = usePopupStore((s) => s.show);
  return (
    <main className="popup">
      <HostAccessNotice />
      {view.name === 'settings' && <SettingsView settings={data.settings} onBack={() => show({ name: 'home' })} onRefresh={() => void refresh()} />}
      {view.name === 'creator' && <CreatorView tokenId={view.tokenId} data={data} />}
      {view.name === 'home' && <HomeView data={data} onRefresh={() => void refresh()} />}
    </main>
  );
}
