import { TEST_WALLET_NAME, TEST_WALLET_RDNS } from '../identity';
import { TO_PAGE, TO_RELAY } from './protocol';

// Main-world content script: an EIP-1193 provider announced through EIP-6963, as MetaMask's is.
// It only posts to and hears from the relay in this window (same source, same origin).

type Listener = (...args: unknown[]) => void;
const waiting = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
const listeners = new Map<string, Set<Listener>>();
let nextId = 1;

const provider = Object.freeze({
  isTestWallet: true,
  request({ method, params }: { method: string; params?: unknown }): Promise<unknown> {
    if (location.origin === 'null') return Promise.reject(Object.assign(new Error('No wallet in opaque origins.'), { code: 4100 }));
    return new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      window.postMessage({ channel: TO_RELAY, id, method, params }, location.origin);
    });
  },
  on(event: string, listener: Listener) {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)?.add(listener);
    return provider;
  },
  removeListener(event: string, listener: Listener) {
    listeners.get(event)?.delete(listener);
    return provider;
  },
});

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window || event.origin !== location.origin) return;
  const data = event.data as {
    channel?: unknown;
    id?: number;
    result?: unknown;
    error?: { code: number; message: string };
    event?: string;
    data?: unknown;
  } | null;
  if (data?.channel !== TO_PAGE) return;
  if (typeof data.event === 'string') return listeners.get(data.event)?.forEach((listener) => listener(data.data));
  const call = typeof data.id === 'number' ? waiting.get(data.id) : undefined;
  if (!call || data.id === undefined) return;
  waiting.delete(data.id);
  if (data.error) call.reject(Object.assign(new Error(data.error.message), { code: data.error.code }));
  else call.resolve(data.result);
});

const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%232f6f4e'/%3E%3Cpath d='M9 11h14v10H9z' fill='none' stroke='%23fff' stroke-width='2'/%3E%3C/svg%3E";
const info = Object.freeze({ uuid: crypto.randomUUID(), name: TEST_WALLET_NAME, icon: ICON, rdns: TEST_WALLET_RDNS });
const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
window.addEventListener('eip6963:requestProvider', announce);
announce();
