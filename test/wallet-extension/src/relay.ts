import { browser, type Browser } from 'wxt/browser';
import { PAGE_PORT, TO_PAGE, TO_RELAY } from './protocol';

// Isolated-world content script: carries the main-world provider's requests to the background and
// the answers and events back. Only messages from this very window and origin are taken, and they
// are posted back to this origin only (never '*').

let port: Browser.runtime.Port | null = null;
const inFlight = new Set<number>();
const toPage = (message: object) => window.postMessage({ channel: TO_PAGE, ...message }, location.origin);

function background(): Browser.runtime.Port {
  if (port) return port;
  const opened = browser.runtime.connect({ name: PAGE_PORT });
  opened.onMessage.addListener((message: { id?: number }) => {
    if (typeof message.id === 'number') inFlight.delete(message.id);
    toPage(message);
  });
  opened.onDisconnect.addListener(() => {
    port = null;
    for (const id of inFlight) toPage({ id, error: { code: 4900, message: 'The wallet disconnected.' } });
    inFlight.clear();
  });
  port = opened;
  return opened;
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window || event.origin !== location.origin) return;
  const data = event.data as { channel?: unknown; id?: unknown; method?: unknown; params?: unknown } | null;
  if (data?.channel !== TO_RELAY || typeof data.id !== 'number' || typeof data.method !== 'string') return;
  inFlight.add(data.id);
  background().postMessage({ id: data.id, method: data.method, params: data.params });
});
