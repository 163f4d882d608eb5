import { describe, expect, test } from 'vitest';
import { ignoreUnknownSections } from './compatibility';
import { manifestSchema } from './manifestSchema';
import { fullManifest, minimalManifest } from './testManifests';
import { formatValidationError, validateManifest } from './validateManifest';

describe('an old reader meets a manifest with a section added later', () => {
  test('this reader ignores an unknown section, keeps the rest, and warns the creator', () => {
    const result = validateManifest(JSON.stringify({ ...fullManifest(), merch: [{ id: 'mug', price: '100' }] }));
    if (!result.ok) throw new Error(result.errors.map(formatValidationError).join('\n'));
    expect(result.manifest).not.toHaveProperty('merch');
    expect(result.manifest.distributions).toHaveLength(2);
    expect(result.warnings.map(formatValidationError)).toMatchInlineSnapshot(`
      [
        "merch: section 'merch' is not part of version 1 as this companion reads it and is ignored; companions that know it will use it, older ones skip it (remove it if it is a mistake)",
      ]
    `);
  });

  test('a reader released before `gates` existed still reads a manifest that has gates', () => {
    // The v1 reader of that time: the same strict schema without the section, plus the rule.
    const knownThen = Object.keys(manifestSchema.shape).filter((k) => k !== 'gates');
    const readerThen = manifestSchema.omit({ gates: true });
    const { data, warnings } = ignoreUnknownSections(fullManifest(), knownThen);
    const parsed = readerThen.safeParse(data);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.distributions.map((d) => d.id)).toEqual(['2021-q1', '2021-q2']);
    expect(warnings.map((w) => w.path)).toEqual(['gates']);
  });

  test('a typo of a known section is still an error, never silently dropped', () => {
    const result = validateManifest({ ...minimalManifest(), distribution: [] });
    expect(result.ok).toBe(false);
  });

  test('a key inside a known object is still an error', () => {
    const m = fullManifest() as ReturnType<typeof fullManifest> & { creator: Record<string, unknown> };
    m.creator.avatar = 'x';
    expect(validateManifest(m).ok).toBe(false);
  });
});

describe('a new reader meets an old manifest', () => {
  test('a manifest written before any later section reads the same, with no warnings', () => {
    const result = validateManifest(JSON.stringify(minimalManifest()));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  test('a breaking version is refused in a sentence that says what to do', () => {
    const result = validateManifest({ ...minimalManifest(), version: 2, somethingNew: {} });
    expect(result.ok ? [] : result.errors.map(formatValidationError)).toMatchInlineSnapshot(`
      [
        "version: this manifest uses version 2 of the protocol, which this companion does not read yet (it reads version 1); holders need a newer companion, or the creator can also publish a version 1 manifest",
      ]
    `);
  });
});
