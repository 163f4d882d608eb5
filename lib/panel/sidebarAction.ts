import { browser } from 'wxt/browser';

/** Firefox's sidebar (sidebar_action). */
export interface SidebarAction {
  open(): Promise<void>;
}

/** Firefox's `sidebarAction`, absent from Chrome and its types: found at run time, not cast. */
export function sidebarAction(): SidebarAction | undefined {
  const candidate: unknown = Reflect.get(browser, 'sidebarAction');
  if (typeof candidate !== 'object' || candidate === null || !('open' in candidate)) return undefined;
  const { open } = candidate;
  if (typeof open !== 'function') return undefined;
  return { open: async () => void (await open.call(candidate)) };
}
