import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { canOpenSidePanel, openSidePanel } from '@/lib/panel/ui/openSidePanel';

/** In the popup: keep the companion open beside the page. */
export function OpenPanelButton() {
  const [windowId, setWindowId] = useState<number | undefined>();
  const notify = usePopupStore((s) => s.notify);
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id));
  }, []);
  if (!canOpenSidePanel()) return null;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Open in the side panel"
      title="Open in the side panel"
      onClick={() =>
        void openSidePanel(windowId).then(
          () => window.close(),
          (e: Error) => notify({ tone: 'error', text: e.message }),
        )
      }
    >
      ◫
    </button>
  );
}
