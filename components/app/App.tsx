import { useCompanionData } from '@/lib/app/ui/useCompanionData';
import { usePopupSession } from '@/lib/holdings/ui/usePopupSession';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { useAlertFocus } from '@/lib/alerts/ui/useAlertFocus';
import { CreatorView } from '../holdings/CreatorView';
import { HomeView } from '../holdings/HomeView';
import { SettingsView } from '../settings/SettingsView';
import './popup.css';

export function App() {
  const data = useCompanionData();
  const { refresh } = usePopupSession();
  useAlertFocus();
  const view = usePopupStore((s) => s.view);
  const show = usePopupStore((s) => s.show);
  return (
    <main className="popup">
      {view.name === 'settings' && <SettingsView settings={data.settings} follows={data.follows} onBack={() => show({ name: 'home' })} onRefresh={() => void refresh()} />}
      {view.name === 'creator' && <CreatorView tokenId={view.tokenId} data={data} />}
      {view.name === 'home' && <HomeView data={data} onRefresh={() => void refresh()} />}
    </main>
  );
}
