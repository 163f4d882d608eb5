import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The sites the companion reads declarations on (the manifest's host_permissions). */
export const SITE_ORIGINS = ['http://*/*', 'https://*/*'];

export type HostAccess = 'unknown' | 'granted' | 'missing';

/**
 * Whether the holder let the companion read sites. Chrome grants host_permissions at install;
 * Firefox (MV3) makes them opt-in, so without this the badge and the in-page card never appear.
 * `request` must run in a click handler: permissions.request needs the holder's gesture.
 */
export function useHostAccess(): { access: HostAccess; request(): Promise<void>; error: string | null } {
  const [access, setAccess] = useState<HostAccess>('unknown');
  const [error, setError] = useState<string | null>(null);
  const check = useCallback(
    () =>
      browser.permissions
        .contains({ origins: SITE_ORIGINS })
        .catch(() => true)
        .then((granted) => setAccess(granted ? 'granted' : 'missing')),
    [],
  );
  useEffect(() => {
    const onChange = () => void check();
    onChange();
    browser.permissions.onAdded?.addListener(onChange);
    browser.permissions.onRemoved?.addListener(onChange);
    return () => {
      browser.permissions.onAdded?.removeListener(onChange);
      browser.permissions.onRemoved?.removeListener(onChange);
    };
  }, [check]);
  const request = useCallback(async () => {
    setError(null);
    try {
      const granted = await browser.permissions.request({ origins: SITE_ORIGINS });
      if (!granted)
        setError('Access was not given. Creator sites stay unread until you allow it here or in the browser’s add-on settings.');
    } catch {
      setError(
        'The browser did not ask for access. Allow it in the browser’s add-on settings (Permissions: access your data for all websites).',
      );
    }
    await check();
  }, [check]);
  return { access, request, error };
}
