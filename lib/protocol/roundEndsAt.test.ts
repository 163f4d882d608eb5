import { expect, test } from 'vitest';
import { fullManifest } from './testManifests';
import { formatValidationError, validateManifest } from './validateManifest';

// A round's optional end date (`distributions[].endsAt`): ISO 8601 in UTC, read by the alerts.

function withEndsAt(endsAt: unknown) {
  const m = fullManifest() as { distributions: Record<string, unknown>[] };
  m.distributions[0]!.endsAt = endsAt;
  return validateManifest(JSON.stringify(m));
}

test('a round may say when claims end, in UTC', () => {
  const result = withEndsAt('2026-03-31T23:59:59Z');
  expect(result.ok && result.manifest.distributions[0]?.endsAt).toBe('2026-03-31T23:59:59Z');
  const without = validateManifest(JSON.stringify(fullManifest()));
  expect(without.ok && without.manifest.distributions[0]?.endsAt).toBeUndefined();
});

test('an end date that is not an ISO 8601 UTC time is refused with a sentence', () => {
  for (const bad of ['2026-03-31', '2026-03-31T23:59:59+02:00', 'tomorrow', 1767225599]) {
    const result = withEndsAt(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map(formatValidationError).join('\n')).toMatch(/^distributions\[0\]\.endsAt: /);
  }
});
