import { useCompanionData } from '@/lib/ui/useCompanionData';
import { usePopupSession } from '@/lib/ui/usePopupSession';
import { usePopupStore } from '@/lib/ui/popupStore';
import { CreatorView } from './CreatorView';
import { HomeView } from './HomeView';
import { SettingsView } from './SettingsView';
import './popup.css';

export function App() {
  const data = useCompanionData();
  const { refresh } = usePopupSession();
  const view = usePopupStore((s) => s.view);
  const show = usePopupStore((s) => s.show);
  return (
    <main className="popup">
      {view.name === 'settings' && <SettingsView settings={data.settings} onBack={() => show({ name: 'home' })} onRefresh={() => void refresh()} />}
      {view.name === 'creator' && <CreatorView tokenId={view.tokenId} data={data} />}
      {view.name === 'home' && <HomeView data={data} onRefresh={() => void refresh()} />}
    </main>
  );
}
