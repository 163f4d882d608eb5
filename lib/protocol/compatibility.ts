import { editDistance } from './issueMessages';
import { MANIFEST_VERSION } from './limits';
import type { ValidationError } from './validationError';

// How the protocol grows without breaking companions already installed (README, "Protocol
// compatibility"):
// - Additive change = a new optional top-level section. A reader that does not know a section
//   ignores it, and `validate-manifest` tells the creator so (a warning, not an error).
// - Keys inside a known object stay errors: there a misspelt key (`claimsURL`) is far more
//   likely than an extension, and ignoring it would hide a round.
// - A top-level key one edit away from a known section (or equal but for case) stays an error too,
//   for the same reason ("distribution" would hide every round). So a new section's name must be
//   at least two edits away from every existing one ("offers" is).
// - A change that an old reader must not misread bumps `version`; readers refuse versions they
//   do not know, in a sentence that says to update the companion.

export interface CompatibilitySplit {
  /** The input with the sections this reader does not know removed. */
  data: unknown;
  warnings: ValidationError[];
}

/** Removes unknown top-level sections (not typos of known ones) and says which were ignored. */
export function ignoreUnknownSections(data: unknown, knownSections: readonly string[]): CompatibilitySplit {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { data, warnings: [] };
  const kept: Record<string, unknown> = {};
  const warnings: ValidationError[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (knownSections.includes(key) || looksLikeTypo(key, knownSections)) kept[key] = value;
    else warnings.push({ path: key, message: unknownSectionWarning(key) });
  }
  return { data: kept, warnings };
}

function looksLikeTypo(key: string, knownSections: readonly string[]): boolean {
  const lower = key.toLowerCase();
  return knownSections.some((k) => editDistance(lower, k.toLowerCase()) <= 1);
}

function unknownSectionWarning(key: string): string {
  return (
    `section '${key}' is not part of version ${MANIFEST_VERSION} as this companion reads it and is ignored; ` +
    'companions that know it will use it, older ones skip it (remove it if it is a mistake)'
  );
}

/** A version this reader does not know, in words; undefined when the version is readable or not a number. */
export function unsupportedVersion(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const version = 'version' in data ? data.version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version === MANIFEST_VERSION) return undefined;
  if (version > MANIFEST_VERSION) {
    return `this manifest uses version ${version} of the protocol, which this companion does not read yet (it reads version ${MANIFEST_VERSION}); holders need a newer companion, or the creator can also publish a version ${MANIFEST_VERSION} manifest`;
  }
  return undefined;
}
