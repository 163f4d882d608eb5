import { createRoot } from 'react-dom/client';
import { App } from '@/components/app/App';

// The popup's app in the browser's side panel (Chrome's side_panel, Firefox's sidebar_action):
// the same IndexedDB, so both show the same data; the panel follows the active tab.
createRoot(document.getElementById('root')!).render(<App surface="panel" />);
