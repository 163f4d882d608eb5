import { useHostAccess } from '@/lib/detect/ui/useHostAccess';

/**
 * Shown only when the browser has not given the companion access to sites (Firefox asks for it
 * after install, Chrome grants it then): without it no creator site can be detected.
 */
export function HostAccessNotice() {
  const { access, request, error } = useHostAccess();
  if (access !== 'missing') return null;
  return (
    <section className="notice error host-access" data-testid="host-access" aria-label="Site access">
      <p className="small">
        To see creators&rsquo; tokens on their sites, the companion needs your permission to read the pages you open. It only looks for a
        creator&rsquo;s declaration and sends nothing anywhere.
      </p>
      <button type="button" onClick={() => void request()}>
        Allow reading sites
      </button>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
