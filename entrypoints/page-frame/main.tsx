import { createRoot } from 'react-dom/client';
import { PageFrame } from '@/components/gates/PageFrame';
import '../companion.content/page.css';

// The gates and the card, shown by the in-page companion in frames of this extension page: the
// creator's page cannot read inside them (see components/page/PageFrame.tsx).
createRoot(document.getElementById('root')!).render(<PageFrame />);
