import type { DeclaringPage } from '@/lib/messaging/contract';
import type { ManifestGate, PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { UserFacingError } from '../../app/userFacingError';

/** A page request's sender, as the browser (not the page) describes it, with what the tab declared. */
export type PageContext = DeclaringPage;

export function manifestOf(page: PageContext): PersonalTokenManifest | null {
  return page.state.manifest;
}

export function gatesOf(page: PageContext): ManifestGate[] {
  return manifestOf(page)?.gates ?? [];
}

export function findGate(page: PageContext, gateId: string): ManifestGate {
  const gate = gatesOf(page).find((g) => g.id === gateId);
  if (!gate) throw new UserFacingError(`This site's manifest declares no gate "${gateId.slice(0, 64)}".`);
  return gate;
}
