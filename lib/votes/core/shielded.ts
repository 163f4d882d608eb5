// Shielded proposals (Snapshot's `privacy: "shutter"`): the choice must be encrypted to the
// proposal's Shutter key before signing, and the hub refuses a plain one ("invalid choice").
// The companion does not encrypt, so it sends the voter to Snapshot's own page and never asks
// the wallet for such a vote.

/** Whether a proposal's `privacy` hides its votes until the end ('' and 'none' are public votes). */
export function isShielded(privacy: string | null | undefined): boolean {
  const value = (privacy ?? '').trim().toLowerCase();
  return value !== '' && value !== 'none';
}

const SNAPSHOT_SITES: Record<string, string> = {
  'https://hub.snapshot.org': 'https://snapshot.org',
};

/**
 * Where a voter can vote on a proposal themselves: Snapshot's own page for Snapshot's hubs
 * (https://snapshot.org/#/<space>/proposal/<id>), the hub itself for any other hub (its web app,
 * if it has one, is its own business). Null when the hub is not an http(s) address.
 */
export function proposalPageUrl(hub: string, space: string, proposalId: string): string | null {
  const base = hub.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const site = SNAPSHOT_SITES[url.origin];
  if (site && (url.pathname === '/' || url.pathname === ''))
    return `${site}/#/${encodeURIComponent(space)}/proposal/${encodeURIComponent(proposalId)}`;
  return url.href;
}
