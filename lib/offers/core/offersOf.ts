import type { ManifestOffer, PersonalTokenManifest } from '@/lib/protocol/manifestSchema';

/** The manifest's offers; manifests stored before offers existed have none. */
export function offersOf(manifest: PersonalTokenManifest | null | undefined): ManifestOffer[] {
  return Array.isArray(manifest?.offers) ? manifest.offers : [];
}
